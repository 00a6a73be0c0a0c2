import { test as base, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/startSandbox";
import { startStaticServer, type StaticServer, type StaticServerOptions } from "../../scripts/staticServer";
import { appConfigFor } from "../../sandbox/appConfig";

export interface SiteWithSandbox {
  site: StaticServer;
  sandbox: Sandbox;
  /** The config.json the site serves: this build pointed at this sandbox. */
  config: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A built site served as a static host would, and a sandbox that knows it (origin and base path), on free ports.
 * The site starts first because the sandbox registers its origin; the config names the sandbox.
 */
export async function startSiteWithSandbox(
  site: Omit<StaticServerOptions, "config" | "host" | "port">,
  sandboxOptions: Partial<Pick<SandboxOptions, "accessTokenTtl">> = {},
): Promise<SiteWithSandbox> {
  const served: { config: Record<string, string> } = { config: {} };
  const server = await startStaticServer({ ...site, config: () => served.config });
  const sandbox = await startSandbox({
    ...sandboxOptions,
    appOrigins: [server.origin],
    appBasePath: site.basePath ?? "/",
    authPort: 0,
    apiPort: 0,
  });
  served.config = appConfigFor(sandbox);
  return {
    site: server,
    sandbox,
    config: served.config,
    close: async () => {
      await Promise.all([server.close(), sandbox.close()]);
    },
  };
}

/** The base path the sub-path build is made for. */
export const SUBPATH_BASE = "/valet/";

/** The production build the suite serves: dist/, or the folder VALET_E2E_DIST names. */
export function siteDistDir(): string {
  // VALET_E2E_DIST lets one checkout run two suites against two builds without either rebuilding the other's.
  return process.env.VALET_E2E_DIST ?? "dist";
}

/** Where the global setup puts the sub-path build: next to the suite's own build, so two suites never share it. */
export function subpathDistDir(): string {
  const dist = process.env.VALET_E2E_DIST;
  return resolve(dist ? `${dist.replace(/\/+$/, "")}-subpath` : ".tmp/e2e-subpath");
}

/** Builds the app for SUBPATH_BASE into `outDir` from the current source (about two seconds). */
export async function buildForSubpath(outDir: string): Promise<string> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  await promisify(execFile)(resolve("node_modules/.bin/vite"), ["build", "--outDir", dir, "--emptyOutDir"], {
    env: { ...process.env, VALET_BASE: SUBPATH_BASE },
  });
  return dir;
}

interface SubpathWorkerFixtures {
  /**
   * The app built for /valet/ (by the global setup) and served the way GitHub project pages serve it: at /valet/,
   * with `404.html` (and status 404) for any path that is no file, since such hosts cannot rewrite.
   */
  subpath: SiteWithSandbox;
}

export const subpathTest = base.extend<object, SubpathWorkerFixtures>({
  subpath: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const started = await startSiteWithSandbox({
        root: subpathDistDir(),
        basePath: SUBPATH_BASE,
        fallback: "404.html",
      });
      await use(started);
      await started.close();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ subpath }, use) => {
    await use(subpath.site.url);
  },
});

export interface CspViolation {
  url: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Records every Content-Security-Policy violation in every document the page opens, from before any of its scripts
 * run. The sandbox's own pages are recorded too; callers filter by `url`.
 */
export async function recordCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeFunction("__valetReportCspViolation", (violation: CspViolation) => {
    violations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __valetReportCspViolation: (v: unknown) => void })
        .__valetReportCspViolation;
      report({
        url: event.documentURI,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  // Chromium also logs each violation to the console; that catches any the event listener came too late for.
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      violations.push({
        url: message.location().url,
        directive: "(console)",
        blocked: "",
        sample: message.text(),
      });
    }
  });
  return violations;
}
