import { test as playwrightTest, type Page } from "@playwright/test";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, signInAtSandbox, test } from "./fixtures";
import {
  recordCspViolations,
  siteDistDir,
  startSiteWithSandbox,
  SUBPATH_BASE,
  subpathTest,
  type SiteWithSandbox,
} from "./siteFixtures";

// The start page has the browser fetch, at low priority, the code the return from sign-in will run, so that when the
// auth server sends the visitor back the callback reads it from the HTTP cache (issue 16). A file that the list gets
// wrong only costs a download.

/** How each of the site's own hashed files the current document loaded was served: from the cache or the network. */
async function hashedFiles(page: Page): Promise<{ cached: string[]; fetched: string[] }> {
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry as PerformanceResourceTiming)
      .filter((entry) => new URL(entry.name).origin === location.origin && entry.name.includes("/static/"))
      // Same origin, so the sizes are real: nothing transferred means the HTTP cache answered.
      .map((entry) => ({ path: new URL(entry.name).pathname, cached: entry.transferSize === 0 })),
  );
  return {
    cached: entries.filter((entry) => entry.cached).map((entry) => entry.path),
    fetched: entries.filter((entry) => !entry.cached).map((entry) => entry.path),
  };
}

/** Presses Sign in on the start page as soon as it shows, signs in at the sandbox, and waits for the library. */
async function signInFromStartPage(page: Page, url = ""): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: "Sign in" }).first().click();
  await signInAtSandbox(page);
  await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Assets" }).getByRole("listitem").first()).toBeVisible();
}

test.describe("Prefetching the return from sign-in", () => {
  test("the callback's and the library's code come from the cache when Sign in is pressed at once", async ({
    page,
    site,
  }) => {
    const violations = await recordCspViolations(page);
    await signInFromStartPage(page);

    const { cached, fetched } = await hashedFiles(page);
    // Without the prefetch each of these is fetched after the redirect back, alongside the token request.
    // The files as the build groups them (vite.config.ts): the auth client with the callback's page, the id_token
    // check, the API client with the request authorizer, the pages' shared code and the library page.
    for (const file of ["oidc-client-ts", "verifyIdToken", "createApiClient", "pages", "LibraryPage"]) {
      expect(cached).toContainEqual(expect.stringMatching(new RegExp(`^/static/${file}-[^/]+\\.js$`)));
    }
    expect(cached).toContainEqual(expect.stringMatching(/^\/static\/[^/]+\.css$/));
    expect(fetched).toEqual([]);
    expect(violations.filter((violation) => violation.url.startsWith(site.origin))).toEqual([]);
  });

  test("a visitor who stays signed out gets the files at idle time, each once, and none of them run", async ({
    page,
  }) => {
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/static/")) asked.push(new URL(request.url()).pathname);
    });
    await page.goto("");
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('link[rel="prefetch"]').length))
      .toBeGreaterThan(3);
    const prefetched = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]'),
        (link) => new URL(link.href).pathname,
      ),
    );
    await expect.poll(() => prefetched.every((path) => asked.includes(path))).toBe(true);
    expect(new Set(asked).size).toBe(asked.length);
    // Fetched, not run: the library page would need a session, and the start page is still what shows.
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(page.url()).not.toMatch(/assets/);
  });
});

subpathTest.describe("Prefetching under a sub-path", () => {
  subpathTest(
    "the files are asked for under the base, and the callback reads them from the cache",
    async ({ page, subpath }) => {
      const violations = await recordCspViolations(page);
      await signInFromStartPage(page);

      const { cached, fetched } = await hashedFiles(page);
      expect(cached).toContainEqual(
        expect.stringMatching(new RegExp(`^${SUBPATH_BASE}static/LibraryPage-[^/]+\\.js$`)),
      );
      expect(fetched).toEqual([]);
      expect(violations.filter((violation) => violation.url.startsWith(subpath.site.origin))).toEqual([]);
    },
  );
});

/**
 * A copy of the suite's build whose prefetch list names a file that is not there in place of the library page's
 * code, served with a sandbox.
 */
async function startWithBrokenList(): Promise<SiteWithSandbox & { missing: string }> {
  const root = await mkdtemp(join(tmpdir(), "valet-prefetch-"));
  await cp(siteDistDir(), root, { recursive: true });
  // The list is in the one script that adds prefetch links.
  const scripts = (await readdir(join(root, "static"))).filter((name) => name.endsWith(".js"));
  const lists: string[] = [];
  for (const name of scripts) {
    if ((await readFile(join(root, "static", name), "utf8")).includes('rel="prefetch"')) lists.push(name);
  }
  if (lists.length !== 1) throw new Error(`Expected one prefetch list in the build, found ${lists.length}.`);
  const file = join(root, "static", lists[0] ?? "");
  const code = await readFile(file, "utf8");
  const missing = "LibraryPage-missing0.js";
  const broken = code.replace(/\.\/LibraryPage-[\w-]+\.js/, `./${missing}`);
  if (broken === code) throw new Error("The prefetch list does not name the library page.");
  await writeFile(file, broken);
  const started = await startSiteWithSandbox({ root });
  return {
    ...started,
    missing,
    close: async () => {
      await started.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

playwrightTest.describe("A prefetch list that names a missing file", () => {
  let served: (SiteWithSandbox & { missing: string }) | undefined;
  playwrightTest.beforeAll(async () => {
    served = await startWithBrokenList();
  });
  playwrightTest.afterAll(async () => {
    await served?.close();
  });

  playwrightTest("does not break sign-in: the callback fetches what it needs itself", async ({ page }) => {
    if (!served) throw new Error("The site did not start.");
    const missingAsked = page.waitForRequest((request) =>
      request.url().endsWith(`/static/${served?.missing}`),
    );
    await signInFromStartPage(page, served.site.url);
    await missingAsked;

    const { cached, fetched } = await hashedFiles(page);
    expect(fetched).toEqual([expect.stringMatching(/^\/static\/LibraryPage-[^/]+\.js$/)]);
    expect(cached).toContainEqual(expect.stringMatching(/^\/static\/createApiClient-[^/]+\.js$/));
  });
});
