// Writes the files static hosts need beside the build: deep-link fallbacks and the headers for the build's own
// config.json. `npm run headers` writes the headers again for another config.json.
import { existsSync } from "node:fs";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";
import { HASHED_DIR, readSiteFacts, renderHeadersFile, renderRedirectsFile } from "./siteHeaders.ts";

/**
 * The base path a built site was made for, read from its index.html, which names its entry script under it.
 * @throws Error when index.html names no script under the hashed folder (not a Valet build)
 */
export async function readBuiltBasePath(outDir: string): Promise<string> {
  const html = await readFile(join(outDir, "index.html"), "utf8");
  const base = new RegExp(`<script type="module"[^>]* src="([^"]*/)${HASHED_DIR}/`).exec(html)?.[1];
  if (!base)
    throw new Error(
      `${join(outDir, "index.html")} names no script under ${HASHED_DIR}/: is it a Valet build?`,
    );
  return base;
}

/** Writes `404.html` (a copy of index.html, for page hosts that serve it for unknown paths) and `_redirects`. */
export async function writeFallbacks(outDir: string, basePath: string): Promise<void> {
  await copyFile(join(outDir, "index.html"), join(outDir, "404.html"));
  await writeFile(join(outDir, "_redirects"), renderRedirectsFile(basePath));
}

/** Writes `_headers` for the config.json given (the one in `outDir` unless told otherwise). */
export async function writeHeaders(
  outDir: string,
  basePath: string,
  configPath = join(outDir, "config.json"),
) {
  const facts = readSiteFacts(JSON.parse(await readFile(configPath, "utf8")), { basePath });
  await writeFile(join(outDir, "_headers"), renderHeadersFile(facts));
  return facts;
}

/** The vite side: after a production build, write the fallbacks and the headers for public/config.json. */
export function staticSite(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "valet:static-site",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options) {
      const outDir = options.dir ?? config.build.outDir;
      await writeFallbacks(outDir, config.base);
      const publicConfig = join(config.publicDir, "config.json");
      if (existsSync(publicConfig)) await writeHeaders(outDir, config.base, publicConfig);
    },
  };
}
