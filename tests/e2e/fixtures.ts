import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startStaticServer, type StaticServer } from "../../scripts/staticServer";
import { createSandboxControl, type SandboxControl } from "../../sandbox/control/SandboxControl";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import { DEMO_USER } from "../../sandbox/users";
import { appConfigFor } from "../../sandbox/appConfig";
import { siteDistDir } from "./siteFixtures";

/** What `context.storageState()` returns and `storageState` accepts: cookies and each origin's localStorage. */
export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The demo user signed in once per worker, for tests that only read what a signed-in person sees. */
export interface SignedInSession {
  /** The browser storage of a signed-in visit; signs in first if there is none, or the last one was spoiled. */
  state(): Promise<StorageState>;
  /** The session no longer works (its keys rotated, its refresh token revoked): the next test signs in afresh. */
  invalidate(): void;
}

interface WorkerFixtures {
  /** The real sandbox (oidc-provider + DAM API), one per worker, on free loopback ports. */
  sandbox: Sandbox;
  /** The production build (dist/ or VALET_E2E_DIST), served as a static host would, pointed at this worker's sandbox. */
  site: StaticServer;
  signedInSession: SignedInSession;
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

const sites = new WeakMap<StaticServer, Sandbox>();

/** Fills in the sandbox's own sign-in page, as a person would. */
export async function signInAtSandbox(page: Page, user = DEMO_USER): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs the demo user in, in a context of its own, and keeps what the browser stored. */
async function signInForState(browser: Browser, siteUrl: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: siteUrl });
  try {
    const page = await context.newPage();
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    // Valet keeps its user in localStorage (src/auth/createUserManager.ts), which the storage state carries.
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // The site must exist before the sandbox (which registers its origin), and its config names the sandbox.
      const served = { base: {} as Record<string, unknown>, overrides: {} as Record<string, unknown> };
      const site = await startStaticServer({
        root: siteDistDir(),
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
  sandbox: [
    async ({ site }, use) => {
      const sandbox = sites.get(site);
      if (!sandbox) throw new Error("The sandbox did not start with the site.");
      await use(sandbox);
    },
    { scope: "worker" },
  ],
  signedInSession: [
    async ({ browser, site }, use) => {
      let current: Promise<StorageState> | undefined;
      await use({
        state: () => (current ??= signInForState(browser, site.url)),
        invalidate: () => (current = undefined),
      });
    },
    { scope: "worker" },
  ],
  appConfig: async ({ site }, use) => {
    const served = servedConfigs.get(site);
    if (!served) throw new Error("The site has no served config.");
    await use({ override: (changes) => (served.overrides = { ...served.overrides, ...changes }) });
    served.overrides = {};
  },
  control: async ({ sandbox, signedInSession }, use) => {
    const raw = createSandboxControl(sandbox);
    await raw.reset();
    await raw.resetStats();
    // Rotated keys or revoked refresh tokens end every session, the worker's shared one too.
    await use({
      ...raw,
      rotateKeys: async () => {
        signedInSession.invalidate();
        await raw.rotateKeys();
      },
      revokeRefreshTokens: async (username) => {
        signedInSession.invalidate();
        await raw.revokeRefreshTokens(username);
      },
    });
    await raw.reset();
  },
  baseURL: async ({ site }, use) => {
    await use(site.url);
  },
});

/**
 * For tests that only look at what a signed-in person sees: each starts already signed in, from a sign-in made once
 * per worker, so no test pays for a sign-in it does not test. Tests that renew, sign out or break the session
 * sign in themselves.
 */
export const signedInTest = test.extend({
  storageState: async ({ signedInSession }, use) => {
    await use(await signedInSession.state());
  },
  // After the shared sign-in (which the sandbox counts), so that a test's counts start from zero.
  control: async ({ control, storageState }, use) => {
    if (storageState !== undefined) await control.resetStats();
    await use(control);
  },
});

export { expect };

/** Opens `path` signed out, signs in at the sandbox as the demo user, and waits to be back at `path`. */
export async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await signInAtSandbox(page);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
}

/** Reads the library pager's "Showing 1–50 of 212" line as numbers. */
export async function readPager(page: Page): Promise<{ first: number; last: number; total: number }> {
  const text = (await page.getByTestId("pager-status").first().textContent()) ?? "";
  const match = /Showing (\d+)–(\d+) of (\d+)/.exec(text);
  if (!match) throw new Error(`The pager says "${text}", not "Showing a–b of n".`);
  return { first: Number(match[1]), last: Number(match[2]), total: Number(match[3]) };
}

/** The web-storage keys of this origin that hold a stored user; after a session ends there must be none. */
export async function storedUserKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) =>
      key.startsWith("valet.user"),
    ),
  );
}

/** The signed-in user as oidc-client-ts stores it (the fields the tests read). */
export interface StoredUser {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  /** Seconds since the epoch. */
  expires_at?: number;
  profile?: Record<string, unknown>;
}

/**
 * The user Valet keeps in localStorage (src/auth/createUserManager.ts); `{}` when none is stored, so that each
 * field a test expects is missing and its assertion fails.
 */
export async function storedUser(page: Page): Promise<StoredUser> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith("valet.user"));
    return JSON.parse((key && localStorage.getItem(key)) || "{}") as StoredUser;
  });
}

/** When the stored user's access token expires by the page's clock, in milliseconds since the epoch. */
export async function storedExpiry(page: Page): Promise<number> {
  const { expires_at: expiresAt } = await storedUser(page);
  if (expiresAt === undefined) throw new Error("No user with an expiry is stored.");
  return expiresAt * 1000;
}

/**
 * Moves the page's clock (installed with `page.clock.install()` before the page loaded) forward to `at`, firing
 * each due timer once, as a laptop waking from sleep would. The sandbox, Web Locks and IndexedDB keep real time.
 */
export async function fastForwardTo(page: Page, at: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.fastForward(Math.max(1, Math.ceil(at - now)));
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

/** The page as it is now, in light and then in dark mode: each scheme's serious violations, named by scheme. */
export async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page)).map((violation) => `${colorScheme}: ${violation}`));
  }
  return found;
}
