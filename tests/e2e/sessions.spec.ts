import type { BrowserContext, Page, Request } from "@playwright/test";
import type { SandboxControl } from "../../sandbox/control/SandboxControl";
import {
  expect,
  fastForwardTo,
  openSignedIn,
  signInAtSandbox,
  storedExpiry,
  storedUserKeys,
  test,
} from "./fixtures";

// Renewal comes a third of the lifetime before expiry (src/auth/session/renewalTiming.ts): 20 s before a minute-long token
// expires. Jumping the page's clock to 10 s before expiry lands well inside that window, whatever real time passed.
const LIFETIME = 60;
const INSIDE_RENEWAL_WINDOW_MS = 10_000;

async function signInToLibrary(page: Page, path = "/assets"): Promise<void> {
  await page.goto(path);
  await signInAtSandbox(page);
  await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
}

async function waitForStats(
  control: SandboxControl,
  counter: "refreshGrants" | "tokenRequests",
  count: number,
  timeout = 20_000,
): Promise<void> {
  await expect
    .poll(async () => (await control.stats())[counter], { timeout, intervals: [100, 250] })
    .toBe(count);
}

/** Moves the page's clock into the renewal window of the token it holds now. */
async function jumpToRenewal(page: Page): Promise<number> {
  const expiry = await storedExpiry(page);
  await fastForwardTo(page, expiry - INSIDE_RENEWAL_WINDOW_MS);
  return expiry;
}

/** Whether a request is the library's search for `text`. */
function isSearchFor(request: Request, text: string): boolean {
  return (
    request.method() === "POST" &&
    new URL(request.url()).pathname === "/assets/search" &&
    (request.postData() ?? "").includes(JSON.stringify(text))
  );
}

/**
 * Searches the library for `text` and waits for the search's successful answer (not only for tiles, which the
 * previous results already show). Returns how many search requests for `text` the page sent.
 */
async function searchFor(page: Page, text: string): Promise<number> {
  let sent = 0;
  const count = (request: Request) => void (isSearchFor(request, text) && sent++);
  page.on("request", count);
  const answered = page.waitForResponse((response) => isSearchFor(response.request(), text) && response.ok());
  await page.getByLabel("Search assets").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`search=${text}`));
  await answered;
  await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
  page.off("request", count);
  return sent;
}

function toSeconds(countdown: string): number {
  return countdown.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * A tab on the session page has finished with a renewal when it is idle and holds a token with more than
 * `freshSeconds` to live: a tab still queued for the renewal lock shows "renewing", and one still holding the old
 * token shows less than the renewal lead.
 */
async function expectSettled(tab: Page, freshSeconds: number): Promise<void> {
  await expect
    .poll(async () => {
      const state = await tab.getByTestId("renewal-state").textContent();
      const left = toSeconds((await tab.getByTestId("expires-in").textContent()) ?? "0");
      return state === "idle" && left > freshSeconds;
    })
    .toBe(true);
}

/**
 * Three tabs of one browser all due at the same moment: exactly one refresh per renewal, never a spent refresh
 * token, and every tab holds the new token. `reachRenewal` brings the renewal on (or waits for it).
 */
async function threeTabsRenew(
  { page, context, control }: { page: Page; context: BrowserContext; control: SandboxControl },
  lifetime: number,
  reachRenewal: () => Promise<void>,
): Promise<void> {
  await control.setLifetimes({ accessToken: lifetime });
  await openSignedIn(page, "/session");
  const tabs = [page, await context.newPage(), await context.newPage()];
  for (const tab of tabs.slice(1)) {
    await tab.goto("/session");
    await expect(tab.getByTestId("session-name")).toHaveText("Dana Demo");
  }
  for (const renewal of [1, 2]) {
    await reachRenewal();
    await waitForStats(control, "refreshGrants", renewal, lifetime * 1000);
    // The renewal lead is a third of the lifetime: a tab with more left than that holds the new token.
    for (const tab of tabs) await expectSettled(tab, lifetime / 3);
    const stats = await control.stats();
    expect(stats.refreshGrants).toBe(renewal);
    expect(stats.refreshReuse).toBe(0);
  }
  for (const tab of tabs) {
    await tab.goto("/assets?search=beach");
    await expect(tab.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
  }
}

test.describe("Sessions stay alive", () => {
  test("three renewals in a row, one refresh request each, and the API keeps answering", async ({
    page,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    await page.clock.install();
    const refreshRequests: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.postData()?.includes("grant_type=refresh_token")) {
        refreshRequests.push(request.url());
      }
    });
    await signInToLibrary(page);
    for (const renewal of [1, 2, 3]) {
      const expiry = await jumpToRenewal(page);
      await waitForStats(control, "refreshGrants", renewal);
      // The next jump is measured from the new token.
      await expect.poll(() => storedExpiry(page)).toBeGreaterThan(expiry);
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
    await context.clock.install();
    await threeTabsRenew({ page, context, control }, LIFETIME, () =>
      jumpToRenewal(page).then(() => undefined),
    );
  });

  test(
    "three tabs renew together in real time, with no clock control",
    { tag: "@slow" },
    async ({ page, context, control }) => {
      // The honest check that the whole chain works on the real clock: 12-second tokens, renewed every ~8 s.
      test.setTimeout(90_000);
      await threeTabsRenew({ page, context, control }, 12, async () => undefined);
    },
  );

  test("renewal that fails while offline recovers when the browser is back online", async ({
    page,
    context,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    await page.clock.install();
    await signInToLibrary(page);
    await context.setOffline(true);
    // Past expiry: the library is gone, and Valet says why.
    await fastForwardTo(page, (await storedExpiry(page)) + 1_000);
    await expect(page.getByRole("heading", { name: "Your session could not be renewed" })).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    expect((await control.stats()).refreshGrants).toBe(1);
  });

  test("a token endpoint failing twice with 500 is retried with backoff until it answers", async ({
    page,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    await page.clock.install();
    await openSignedIn(page, "/session");
    await control.failTokenEndpoint({ mode: "error", count: 2 });
    const state = page.getByTestId("renewal-state");
    await jumpToRenewal(page);
    // One code grant, then the first refused refresh; the retries wait 0.5–1 s, then 1–2 s (full jitter).
    await waitForStats(control, "tokenRequests", 2);
    await expect(state).toHaveText("retrying");
    await page.clock.fastForward(1_000);
    await waitForStats(control, "tokenRequests", 3);
    await page.clock.fastForward(2_000);
    // The sandbox counts refused refresh grants too: two refused, then the good one.
    await waitForStats(control, "refreshGrants", 3);
    // Idle: nothing more is scheduled until the new token is due, so the counts are final.
    await expect(state).toHaveText("idle");
    expect((await control.stats()).tokenRequests).toBe(4);
    await page.goto("/assets");
    await searchFor(page, "beach");
  });

  test("a revoked refresh token ends the session and sign-in brings the user back to the same page", async ({
    page,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    await page.clock.install();
    await signInToLibrary(page, "/assets?search=beach");
    await control.revokeRefreshTokens("demo");
    await jumpToRenewal(page);
    await expect(page.getByRole("heading", { name: "Your session could not be renewed" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Your session has ended");
    expect(await storedUserKeys(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign in again" }).click();
    // The server still knows the person, so no password is asked; the page they were on comes back.
    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  });

  test("a spoiled id_token on a refresh ends the session: nothing of it stays stored", async ({
    page,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    await page.clock.install();
    await signInToLibrary(page);
    // The refresh itself succeeds at the server; only the id_token it returns is wrong (its signature).
    await control.badIdToken("bad-signature");
    await jumpToRenewal(page);
    await expect(page.getByRole("heading", { name: "Your session could not be renewed" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Your session has ended");
    expect(await storedUserKeys(page)).toEqual([]);
    const stats = await control.stats();
    expect(stats.refreshGrants).toBe(1);
    expect(stats.refreshReuse).toBe(0);
  });

  test("an API 401 with a valid-looking token renews once, retries once, and shows the data", async ({
    page,
    control,
  }) => {
    await signInToLibrary(page);
    // The library's first page has loaded, so the counts below are the search's alone.
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    await control.resetStats();
    await control.failApi({ status: 401, count: 1, path: "/assets/search" });
    expect(await searchFor(page, "beach")).toBe(2);
    expect((await control.stats()).refreshGrants).toBe(1);
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
    // The library's first page has loaded, so the counts below are the search's alone.
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    await control.resetStats();
    await control.failApi({ status: 429, count: 1, retryAfterSeconds: 1, path: "/assets/search" });
    expect(await searchFor(page, "beach")).toBe(2);
    expect((await control.stats()).refreshGrants).toBe(0);
  });
});
