// `npm run doctor -- <path to config.json> [--origin https://valet.example.com] [--timeout <seconds>]`
// Checks, without a password, what a deployment needs from MediaValet's auth server and API, as seen from the origin
// Valet is served from. Prints PASS / WARN / FAIL per check with what to do; exits 1 when any check fails.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError } from "../src/config/ConfigError.ts";
import { formatReport } from "./doctor/formatReport";
import { OriginProblem, readDoctorTarget } from "./doctor/readDoctorTarget";
import { DEFAULT_TIMEOUT_MS, runDoctor } from "./doctor/runDoctor";

const USAGE =
  "Usage: npm run doctor -- <path to config.json> [--origin https://<app origin>] [--timeout <seconds>]";

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { origin: { type: "string" }, timeout: { type: "string" }, help: { type: "boolean" } },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const configPath = positionals[0];
if (values.help === true || configPath === undefined || positionals.length > 1) {
  console.error(USAGE);
  process.exit(values.help === true ? 0 : 2);
}
const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  console.error(`--timeout must be a number of seconds greater than 0, not "${values.timeout}".\n${USAGE}`);
  process.exit(2);
}

let raw: unknown;
try {
  raw = JSON.parse(await readFile(configPath, "utf8"));
} catch (error) {
  console.error(`FAIL  ${configPath}: ${error instanceof Error ? error.message : String(error)}`);
  console.error("      → Point the doctor at the config.json of the deployment, and make it valid JSON.");
  process.exit(1);
}

let target;
try {
  target = readDoctorTarget(raw, values.origin);
} catch (error) {
  if (error instanceof OriginProblem) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(`FAIL  ${configPath} is not usable:`);
    for (const issue of error.issues) console.error(`      → fix "${issue.field}": it ${issue.message}`);
    process.exit(1);
  }
  throw error;
}

const results = await runDoctor(target, { timeoutMs: timeoutSeconds * 1000 });
process.stdout.write(formatReport({ configPath, origin: target.origin }, results));
process.exit(results.some((result) => result.status === "fail") ? 1 : 0);
