import { expect } from "@playwright/test";
import { signInAtSandbox } from "./fixtures";
import { recordCspViolations, SUBPATH_BASE, subpathTest as test } from "./siteFixtures";

// The app built with VALET_BASE=/valet/ and served like GitHub project pages: under /valet/, with 404.html (status
// 404) for deep links. Paths given to page.goto are relative to http://<host>/valet/.
test.describe("Deployed under a sub-path", () => {
  test("signs in from the start page and lands on the library, all under /valet/", async ({
    page,
    subpath,
  }) => {
    const violations = await recordCspViolations(page);
    const appRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(subpath.site.origin)) appRequests.push(new URL(request.url()).pathname);
    });

    await page.goto("");
    await page.getByRole("button", { name: "Sign in" }).first().click();
    await expect(page).toHaveURL(new RegExp(`^${subpath.sandbox.authUrl}/`));
    await signInAtSandbox(page);

    await expect(page).toHaveURL(`${subpath.site.origin}${SUBPATH_BASE}assets`);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    expect(page.url()).not.toMatch(/[?&](code|state)=/);
    // Every file the app asked its own host for (scripts, styles, config, the callback) lies under the base.
    expect(appRequests.length).toBeGreaterThan(3);
    expect(appRequests.filter((path) => !path.startsWith(SUBPATH_BASE))).toEqual([]);
    expect(violations.filter((violation) => violation.url.startsWith(subpath.site.origin))).toEqual([]);
  });

  test("config.json is preloaded from under the base with the HTML, and fetched only that once", async ({
    page,
  }) => {
    const configRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("config.json")) configRequests.push(new URL(request.url()).pathname);
    });
    const html = await (await page.goto(""))?.text();
    expect(html).toContain(`<link rel="preload" href="${SUBPATH_BASE}config.json" as="fetch"`);
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(configRequests).toEqual([`${SUBPATH_BASE}config.json`]);

    // A deep link answered by 404.html (the same page) preloads from the base too, not from beside the link.
    configRequests.length = 0;
    const deep = await page.goto("assets/some/where");
    expect(deep?.status()).toBe(404);
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(configRequests).toEqual([`${SUBPATH_BASE}config.json`]);
  });

  test("a deep link from a host without rewrites comes back to exactly that page", async ({ page }) => {
    const first = await page.goto("assets?search=beach");
    // The host answered with its 404 page, which is the app.
    expect(first?.status()).toBe(404);
    await signInAtSandbox(page);

    await expect(page).toHaveURL(new RegExp(`${SUBPATH_BASE}assets\\?search=beach$`));
    await expect(page.getByLabel("Search assets")).toHaveValue("beach");
  });

  test("in-app links stay under the base, and sign-out returns to /valet/", async ({ page, subpath }) => {
    await page.goto("profile");
    await signInAtSandbox(page);
    await expect(page).toHaveURL(`${subpath.site.origin}${SUBPATH_BASE}profile`);
    await expect(page.getByTestId("profile-name")).toHaveText("Dana Demo");

    const hrefs = await page
      .locator("a[href^='/']")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    // The router writes its start page as "/valet", which hosts redirect to "/valet/".
    const bare = SUBPATH_BASE.slice(0, -1);
    expect(hrefs.filter((href) => href !== bare && !href.startsWith(SUBPATH_BASE))).toEqual([]);
    const startPage = await page.request.get(`${subpath.site.origin}${bare}`);
    expect(startPage.url()).toBe(subpath.site.url);

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${subpath.sandbox.authUrl}/connect/endsession`),
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    await endSession;
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(SUBPATH_BASE);
  });
});
