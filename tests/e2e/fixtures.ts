import { test as base, expect, type Page } from "@playwright/test";
import { startStaticServer, type StaticServer } from "../../scripts/staticServer";
import { createSandboxControl, type SandboxControl } from "../../sandbox/control/SandboxControl";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import { DEMO_USER } from "../../sandbox/users";
import { appConfigFor } from "../../sandbox/appConfig";

interface WorkerFixtures {
  /** The real sandbox (oidc-provider + DAM API), one per worker, on free loopback ports. */
  sandbox: Sandbox;
  /** The production build in dist/, served as a static host would, pointed at this worker's sandbox. */
  site: StaticServer;
}

interface TestFixtures {
  /**
   * Changes what the site serves as config.json for this test only, as a deployment replacing the file would.
   * Reset after every test.
   */
  appConfig: { override(changes: Record<string, unknown>): void };
  /** The sandbox's fault controls, with faults, lifetimes and counts reset before and after each test. */
  control: SandboxControl;
}

/** What each worker's site serves as config.json: the sandbox's settings, plus a test's overrides. */
const servedConfigs = new WeakMap<
  StaticServer,
  { base: Record<string, unknown>; overrides: Record<string, unknown> }
>();

export const test = base.extend<TestFixtures, WorkerFixtures>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // The site must exist before the sandbox (which registers its origin), and its config names the sandbox.
      const served = { base: {} as Record<string, unknown>, overrides: {} as Record<string, unknown> };
      const site = await startStaticServer({
        // VALET_E2E_DIST lets one checkout run two suites against two builds without either rebuilding the other's.
        root: process.env.VALET_E2E_DIST ?? "dist",
        config: () => ({ ...served.base, ...served.overrides }),
      });
      const sandbox = await startSandbox({
        appOrigins: [site.origin],
        authPort: 0,
        apiPort: 0,
        testControls: true,
      });
      served.base = appConfigFor(sandbox);
      servedConfigs.set(site, served);
      sites.set(site, sandbox);
      await use(site);
      await Promise.all([site.close(), sandbox.close()]);
    },
    { scope: "worker" },
  ],
  appConfig: async ({ site }, use) => {
    const served = servedConfigs.get(site);
    if (!served) throw new Error("The site has no served config.");
    await use({ override: (changes) => (served.overrides = { ...served.overrides, ...changes }) });
    served.overrides = {};
  },
  control: async ({ sandbox }, use) => {
    const control = createSandboxControl(sandbox.authUrl);
    await control.reset();
    await control.resetStats();
    await use(control);
    await control.reset();
  },
  sandbox: [
    async ({ site }, use) => {
      const sandbox = sites.get(site);
      if (!sandbox) throw new Error("The sandbox did not start with the site.");
      await use(sandbox);
    },
    { scope: "worker" },
  ],
  baseURL: async ({ site }, use) => {
    await use(site.url);
  },
});

const sites = new WeakMap<StaticServer, Sandbox>();

export { expect };

/** Fills in the sandbox's own sign-in page, as a person would. */
export async function signInAtSandbox(page: Page, user = DEMO_USER): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens `path` signed out, signs in at the sandbox as the demo user, and waits to be back at `path`. */
export async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await signInAtSandbox(page);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
}

/** Reads the library pager's "Showing 1–48 of 212" line as numbers. */
export async function readPager(page: Page): Promise<{ first: number; last: number; total: number }> {
  const text = (await page.getByTestId("pager-status").first().textContent()) ?? "";
  const match = /Showing (\d+)–(\d+) of (\d+)/.exec(text);
  if (!match) throw new Error(`The pager says "${text}", not "Showing a–b of n".`);
  return { first: Number(match[1]), last: Number(match[2]), total: Number(match[3]) };
}
