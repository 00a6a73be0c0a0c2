import { test as playwrightTest, type Page } from "@playwright/test";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, signedInTest, signInAtSandbox, test } from "./fixtures";
import { recordCspViolations, siteDistDir, startSiteWithSandbox, type SiteWithSandbox } from "./siteFixtures";

// Valet starts what a page load will need before it is asked for (issue 16): config.json from index.html, the
// auth and API clients and the page's code when a session is stored, the auth client and the verification code when
// a sign-in comes back, a page's code when its route matches.
// A preload only ever saves time: when it fails or names the wrong file, the app fetches for itself.

/**
 * A copy of the suite's build whose index.html preloads `href` instead of config.json, served with a sandbox. (A
 * copy, not a rewritten response: Chromium treats a document Playwright fulfils as outside the loopback network,
 * and then refuses its requests to the sandbox.)
 */
async function startWithConfigPreload(href: string): Promise<SiteWithSandbox> {
  const root = await mkdtemp(join(tmpdir(), "valet-preload-"));
  await cp(siteDistDir(), root, { recursive: true });
  for (const page of ["index.html", "404.html"]) {
    const file = join(root, page);
    const html = await readFile(file, "utf8").catch(() => undefined);
    if (html === undefined) continue;
    const rewritten = html.replace(/(<link rel="preload" href=")[^"]*config\.json"/, `$1${href}"`);
    if (rewritten === html) throw new Error(`${page} has no config.json preload to rewrite.`);
    await writeFile(file, rewritten);
  }
  const started = await startSiteWithSandbox({ root });
  return {
    ...started,
    close: async () => {
      await started.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Holds the page's requests matching `held` until `asked` resolves or 5 s have passed, then lets them go on.
 * @returns whether `asked` came first, to read once the page has gone on
 */
async function holdUntilAsked(page: Page, held: RegExp, asked: Promise<true>): Promise<() => boolean> {
  let askedFirst = false;
  await page.route(held, async (route) => {
    askedFirst = await Promise.race([
      asked,
      new Promise<false>((resolve) => setTimeout(resolve, 5_000, false)),
    ]);
    await route.fallback();
  });
  return () => askedFirst;
}

/** Paths of the site's own requests (`pathname` only) while the page is open. */
function appRequests(page: Page, origin: string): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(origin)) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test.describe("Preloading", () => {
  test("config.json is requested once, with the HTML, and the app uses that response", async ({
    page,
    site,
  }) => {
    const violations = await recordCspViolations(page);
    const paths = appRequests(page, site.origin);
    const html = await (await page.goto(""))?.text();
    expect(html).toMatch(/<link rel="preload" href="\/config\.json" as="fetch" crossorigin="anonymous"/);
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    // A second request would mean the app's fetch did not take the preloaded response.
    expect(paths.filter((path) => path === "/config.json")).toHaveLength(1);
    expect(violations).toEqual([]);
  });

  test("while config.json is on its way, the page says it is loading, and the app then takes its place", async ({
    page,
  }) => {
    let releaseConfig = () => {};
    const released = new Promise<void>((resolve) => (releaseConfig = resolve));
    await page.route(/\/config\.json$/, async (route) => {
      await released;
      await route.fallback();
    });
    // "commit": the page's load event waits for config.json, which is held.
    await page.goto("", { waitUntil: "commit" });
    // The entry has run up to its wait for config.json: module scripts run before DOMContentLoaded.
    await page.waitForFunction(() => document.readyState !== "loading");
    await expect(page.getByRole("status")).toHaveText("Loading Valet…");
    releaseConfig();
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    await expect(page.getByText("Loading Valet…")).toHaveCount(0);
  });

  test("a sign-in response's page and verification code are asked for while config.json is still on its way", async ({
    page,
  }) => {
    // Counted from the callback's own document on: the start page may have prefetched the same files.
    let onCallback = false;
    // The callback's page rides with the auth client (vite.config.ts).
    const wanted = [/\/verifyIdToken-[^/]+\.js$/, /\/oidc-client-ts-[^/]+\.js$/];
    let allAsked = () => {};
    const asked = new Promise<true>((resolve) => (allAsked = () => resolve(true)));
    page.on("request", (request) => {
      const url = request.url();
      if (request.isNavigationRequest() && new URL(url).pathname === "/callback") onCallback = true;
      if (!onCallback) return;
      const index = wanted.findIndex((pattern) => pattern.test(url));
      if (index !== -1) wanted.splice(index, 1);
      if (wanted.length === 0) allAsked();
    });
    await page.goto("");
    await page.getByRole("button", { name: "Sign in" }).first().click();
    // Only the callback's config.json is held. Without the early start, both are asked for only after config.json
    // (the page as its route renders, the verification code as the code exchange begins), and the hold would run out.
    const askedFirst = await holdUntilAsked(page, /\/config\.json$/, asked);
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    expect(askedFirst()).toBe(true);
  });
});

for (const [what, href] of [
  ["names a missing file", "/no-such-config.json"],
  ["has a wrong base path", "/elsewhere/config.json"],
] as const) {
  playwrightTest.describe(`A config.json preload that ${what}`, () => {
    let served: SiteWithSandbox | undefined;
    playwrightTest.beforeAll(async () => {
      served = await startWithConfigPreload(href);
    });
    playwrightTest.afterAll(async () => {
      await served?.close();
    });

    playwrightTest("does not break the app: it fetches config.json itself", async ({ page }) => {
      if (!served) throw new Error("The site did not start.");
      const { origin, url } = served.site;
      const violations = await recordCspViolations(page);
      const paths = appRequests(page, origin);
      await page.goto(url);
      await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
      expect(paths).toContain(href);
      expect(paths).toContain("/config.json");

      await page.getByRole("button", { name: "Sign in" }).first().click();
      await signInAtSandbox(page);
      await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
      expect(violations.filter((violation) => violation.url.startsWith(origin))).toEqual([]);
    });
  });
}

signedInTest.describe("Preloading, signed in", () => {
  signedInTest(
    "a page's code is asked for as its route matches, before the session check is done",
    async ({ page }) => {
      let libraryAsked = () => {};
      const asked = new Promise<true>((resolve) => (libraryAsked = () => resolve(true)));
      page.on("request", (request) => {
        if (/\/LibraryPage-[^/]+\.js$/.test(request.url())) libraryAsked();
      });
      // The session check needs oidc-client-ts: hold its chunk until the library's code has been asked for. Without
      // the route's preload that request would only come after the check, and the hold would run out.
      const askedFirst = await holdUntilAsked(page, /\/oidc-client-ts-[^/]+\.js$/, asked);
      await page.goto("assets");
      await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
      expect(askedFirst()).toBe(true);
    },
  );

  for (const [what, file] of [
    ["the library", "LibraryPage"],
    ["an asset", "AssetPage"],
  ] as const) {
    signedInTest(
      `a reload of ${what} asks for the page's code while config.json is still on its way`,
      async ({ page }) => {
        let path = "assets";
        if (file === "AssetPage") {
          await page.goto(path);
          const tile = page.getByRole("list", { name: "Assets" }).getByRole("link").first();
          path = (await tile.getAttribute("href")) ?? "";
        }
        let pageAsked = () => {};
        const asked = new Promise<true>((resolve) => (pageAsked = () => resolve(true)));
        page.on("request", (request) => {
          if (new RegExp(`/${file}-[^/]+\\.js$`).test(request.url())) pageAsked();
        });
        // Without the early start the route matches only once config.json is in, and the hold would run out.
        const askedFirst = await holdUntilAsked(page, /\/config\.json$/, asked);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(askedFirst()).toBe(true);
      },
    );
  }

  signedInTest(
    "when the early fetch of a page's code fails, showing the page fetches it again",
    async ({ page }) => {
      // Requests per file: the page's code may come in more than one file (the build groups modules).
      const attempts = new Map<string, number>();
      // The first request for the library page's code fails, as on a flaky connection.
      await page.route(/\/LibraryPage-[^/]+\.js$/, async (route) => {
        const url = route.request().url();
        const first = attempts.size === 0;
        attempts.set(url, (attempts.get(url) ?? 0) + 1);
        if (first) await route.abort("connectionreset");
        else await route.fallback();
      });
      await page.goto("assets");
      await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
      expect([...attempts.values()][0]).toBe(2);
    },
  );
});
