import type { Page } from "@playwright/test";
import type { SandboxControl } from "../../sandbox/control/SandboxControl";
import { expect, signInAtSandbox, test } from "./fixtures";

// Short-lived access tokens: renewal comes a third of the lifetime before expiry, about every 13 s.
const LIFETIME = 20;

async function signInToLibrary(page: Page, path = "/assets"): Promise<void> {
  await page.goto(path);
  await signInAtSandbox(page);
  await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
}

async function waitForRefreshGrants(control: SandboxControl, count: number, timeout = 40_000): Promise<void> {
  await expect
    .poll(async () => (await control.stats()).refreshGrants, { timeout, intervals: [250] })
    .toBe(count);
}

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByLabel("Search assets").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`search=${text}`));
  await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
}

test.describe("Sessions stay alive", () => {
  test("three renewals in a row, one refresh request each, and the API keeps answering", async ({
    page,
    control,
  }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    const refreshRequests: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.postData()?.includes("grant_type=refresh_token")) {
        refreshRequests.push(request.url());
      }
    });
    await signInToLibrary(page);
    for (const renewal of [1, 2, 3]) {
      await waitForRefreshGrants(control, renewal);
      // The browser's request events reach the test a little after the sandbox has counted the grant.
      await expect.poll(() => refreshRequests.length).toBe(renewal);
    }
    await searchFor(page, "beach");
    const stats = await control.stats();
    expect(stats.refreshReuse).toBe(0);
    expect(stats.tokenRequests).toBe(4);
  });

  test("three tabs at expiry send exactly one refresh per renewal, and never reuse a refresh token", async ({
    page,
    context,
    control,
  }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    await signInToLibrary(page);
    const others = [await context.newPage(), await context.newPage()];
    for (const tab of others) {
      await tab.goto("/assets");
      await expect(tab.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    }
    for (const renewal of [1, 2]) {
      await waitForRefreshGrants(control, renewal);
      // Every tab was due at the same moment; give the others time to (wrongly) refresh too.
      await page.waitForTimeout(3_000);
      const stats = await control.stats();
      expect(stats.refreshGrants).toBe(renewal);
      expect(stats.refreshReuse).toBe(0);
    }
    for (const tab of [page, ...others]) await searchFor(tab, "beach");
  });

  test("renewal that fails while offline recovers when the browser is back online", async ({
    page,
    context,
    control,
  }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    await signInToLibrary(page);
    await context.setOffline(true);
    // Past expiry: the library is gone, and Valet says why.
    await expect(page.getByRole("heading", { name: "Your session could not be renewed" })).toBeVisible({
      timeout: 30_000,
    });
    const back = Date.now();
    await context.setOffline(false);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    console.log(`figure: recovery after going back online took ${Date.now() - back} ms`);
    expect((await control.stats()).refreshGrants).toBe(1);
  });

  test("a token endpoint failing twice with 500 is retried until it answers", async ({ page, control }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    await signInToLibrary(page);
    await control.failTokenEndpoint({ mode: "error", count: 2 });
    // The sandbox counts refused refresh grants too: two refused, then the good one.
    await waitForRefreshGrants(control, 3);
    await page.waitForTimeout(2_000);
    const stats = await control.stats();
    expect(stats.tokenRequests).toBe(4);
    expect(stats.refreshGrants).toBe(3);
    await searchFor(page, "beach");
  });

  test("a revoked refresh token ends the session and sign-in brings the user back to the same page", async ({
    page,
    control,
  }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    await signInToLibrary(page, "/assets?search=beach");
    await control.revokeRefreshTokens("demo");
    await expect(page.getByRole("heading", { name: "Your session could not be renewed" })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole("alert")).toContainText("Your session has ended");
    expect(
      await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith("valet.user"))),
    ).toBe(false);
    await page.getByRole("button", { name: "Sign in again" }).click();
    // The server still knows the person, so no password is asked; the page they were on comes back.
    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  });

  test("an API 401 with a valid-looking token renews once, retries once, and shows the data", async ({
    page,
    control,
  }) => {
    await signInToLibrary(page);
    await control.resetStats();
    await control.failApi({ status: 401, count: 1 });
    await searchFor(page, "beach");
    const stats = await control.stats();
    expect(stats.refreshGrants).toBe(1);
    expect(stats.apiRequests).toBe(2);
  });
});

test.describe("Tabs follow each other", () => {
  test("signing out in one tab takes the other off protected pages within 2 s", async ({ page, context }) => {
    await signInToLibrary(page);
    const other = await context.newPage();
    await other.goto("/assets");
    await expect(other.getByRole("heading", { name: "Library", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(other.getByRole("heading", { name: "Your MediaValet library, in the browser" })).toBeVisible(
      {
        timeout: 2_000,
      },
    );
    await expect(other.getByRole("alert")).toHaveText("You signed out in another tab.");
  });

  test("signing in in one tab signs in the others without a reload", async ({ page, context }) => {
    const other = await context.newPage();
    await other.goto("/");
    await expect(other.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    await signInToLibrary(page);
    await expect(other.getByTestId("user-name")).toHaveText("Dana Demo", { timeout: 2_000 });
  });
});

test.describe("The callback, revisited", () => {
  test("Back onto the callback after sign-in posts no code again and does not dead-end", async ({
    page,
    control,
  }) => {
    await signInToLibrary(page);
    await page.goBack();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    await page.reload();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    expect((await control.stats()).codeGrants).toBe(1);
  });
});

test.describe("The API client under pressure", () => {
  test("a 429 with a short Retry-After is waited out once, and the page shows the data", async ({
    page,
    control,
  }) => {
    await signInToLibrary(page);
    await control.resetStats();
    await control.failApi({ status: 429, count: 1, retryAfterSeconds: 1 });
    await searchFor(page, "beach");
    const stats = await control.stats();
    expect(stats.apiRequests).toBe(2);
    expect(stats.refreshGrants).toBe(0);
  });
});
