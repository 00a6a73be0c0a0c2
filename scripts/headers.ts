// `npm run headers -- dist/config.json [--connect-src <origin>]… [--nginx <file>]`
// Writes `_headers` next to the given config.json for the config it holds, and prints (or writes) the nginx snippet.
// Run it after replacing config.json in a built dist/: the CSP names the auth server and API that config points at.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { readSiteFacts, renderHeadersFile, renderNginx } from "./siteHeaders";
import { readBuiltBasePath } from "./staticSite";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "connect-src": { type: "string", multiple: true },
    nginx: { type: "string" },
    root: { type: "string" },
  },
});

const configPath = positionals[0];
if (!configPath || positionals.length > 1) {
  console.error(
    "Usage: npm run headers -- <dist>/config.json [--connect-src <origin>]… [--nginx <file>] [--root <dir>]",
  );
  process.exit(2);
}
const outDir = dirname(configPath);

let basePath: string;
try {
  basePath = await readBuiltBasePath(outDir);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

let facts;
try {
  facts = readSiteFacts(JSON.parse(await readFile(configPath, "utf8")), {
    basePath,
    extraConnectSources: (values["connect-src"] ?? []).map((source) => new URL(source).origin),
  });
} catch (error) {
  console.error(`${configPath}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

await writeFile(join(outDir, "_headers"), renderHeadersFile(facts));
console.error(`Wrote ${join(outDir, "_headers")} for base path ${basePath}.`);
const nginx = renderNginx(facts, values.root);
if (values.nginx) {
  await writeFile(values.nginx, nginx);
  console.error(`Wrote ${values.nginx}.`);
} else {
  console.log(nginx);
}
