import { test as base, expect, type Page } from "@playwright/test";
import { startStaticServer, type StaticServer } from "../../scripts/staticServer";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import { DEMO_USER } from "../../sandbox/users";

interface WorkerFixtures {
  /** The real sandbox (oidc-provider + DAM API), one per worker, on free loopback ports. */
  sandbox: Sandbox;
  /** The production build in dist/, served as a static host would, pointed at this worker's sandbox. */
  site: StaticServer;
}

export const test = base.extend<object, WorkerFixtures>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // The site must exist before the sandbox (which registers its origin), and its config names the sandbox.
      const served: { config?: unknown } = {};
      const site = await startStaticServer({ root: "dist", config: () => served.config });
      const sandbox = await startSandbox({ appOrigins: [site.origin], authPort: 0, apiPort: 0 });
      served.config = {
        authority: sandbox.authUrl,
        issuer: sandbox.issuer,
        clientId: "valet",
        apiBaseUrl: sandbox.apiUrl,
        subscriptionKey: sandbox.subscriptionKey,
      };
      sites.set(site, sandbox);
      await use(site);
      await Promise.all([site.close(), sandbox.close()]);
    },
    { scope: "worker" },
  ],
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
