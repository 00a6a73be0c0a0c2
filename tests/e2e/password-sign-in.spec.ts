import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { SandboxControl } from "../../sandbox/control/SandboxControl";
import { expect, signInAtSandbox, test } from "./fixtures";

// A password no page, URL or stored value has any other reason to contain, so finding it anywhere is a leak.
const WRONG_PASSWORD = "Wr0ng-pa55word-e2e";
// Short-lived access tokens: renewal comes a third of the lifetime before expiry, about 13 s after sign-in.
const LIFETIME = 20;
// The lazily loaded chunks of password sign-in: the form, and the page at /sign-in/password.
const PASSWORD_CHUNK = /\/PasswordSignIn(Page)?-[\w-]+\.js$/;

/** Everything the browser asks for, to look for the password in URLs and for password sign-in's chunks. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/**
 * The names of every field stored in both storages, looking inside JSON values: a password kept anywhere would sit
 * under a name like "password". (The sandbox's passwords equal the usernames, which the profile rightly holds, so
 * the value itself cannot be searched for after a successful sign-in.)
 */
function storedFieldNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value !== "object" || value === null) return;
      for (const [name, inner] of Object.entries(value)) {
        names.push(name);
        walk(inner);
      }
    };
    for (const storage of [localStorage, sessionStorage]) {
      for (const [key, value] of Object.entries(storage)) {
        names.push(key);
        try {
          walk(JSON.parse(value));
        } catch {
          // Not JSON: the key alone is its name.
        }
      }
    }
    return names;
  });
}

/** Every key and value of both storages, as one text to search. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]));
}

function storedUserKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("valet.user")));
}

/** Fills in Valet's own password form with the keyboard and sends it with Enter. */
async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in with a username and password" });
  await form.getByLabel("Username", { exact: true }).fill(username);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByLabel("Password", { exact: true }).press("Enter");
}

async function expectRefused(page: Page, message: string | RegExp): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in with a username and password" });
  await expect(form.getByRole("alert")).toHaveText(message);
  await expect(form.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Password", { exact: true })).toBeFocused();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  expect(await storedUserKeys(page)).toEqual([]);
}

async function waitForRefreshGrants(control: SandboxControl, count: number): Promise<void> {
  await expect
    .poll(async () => (await control.stats()).refreshGrants, { timeout: 40_000, intervals: [250] })
    .toBe(count);
}

test.describe("Password sign-in, turned on", () => {
  test.beforeEach(({ appConfig }) => {
    appConfig.override({ clientId: "valet-password", passwordSignIn: true });
  });

  test("signs in with the form, renews with the refresh token, signs out; the password in no URL or storage", async ({
    page,
    control,
  }) => {
    test.setTimeout(90_000);
    await control.setLifetimes({ accessToken: LIFETIME });
    const urls = recordRequests(page);
    const tokenPosts: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/connect/token")) tokenPosts.push(request.method());
    });
    await page.goto("/");
    await expect(page.getByText("This form sends your password through Valet")).toBeVisible();
    await expect(page.getByRole("main").getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

    await signInWithForm(page, "demo", "demo");

    await expect(page).toHaveURL((url) => url.pathname === "/assets");
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    expect((await control.stats()).passwordGrants).toBe(1);

    await waitForRefreshGrants(control, 1);
    await page.getByLabel("Search assets").fill("beach");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();

    // Sent once, in the body of a POST: never in a URL, and not kept by the browser.
    expect(tokenPosts.every((method) => method === "POST")).toBe(true);
    for (const url of urls) expect(new URL(url).searchParams.has("password")).toBe(false);
    // The user's storage key names the client, "valet-password"; that is the only "password" allowed.
    const names = (await storedFieldNames(page)).map((name) =>
      name.replaceAll("valet-password", "valet-client"),
    );
    expect(names.filter((name) => /password|credential/i.test(name))).toEqual([]);
    expect(await storedUserKeys(page)).toHaveLength(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    await expect(page.getByRole("form", { name: "Sign in with a username and password" })).toBeVisible();
    expect(await storedUserKeys(page)).toEqual([]);
    const stats = await control.stats();
    expect(stats).toMatchObject({ passwordGrants: 1, codeGrants: 0, refreshReuse: 0, endSessions: 1 });
  });

  test("from /sign-in/password it returns to the saved page, and other tabs share the session", async ({
    page,
    context,
  }) => {
    await page.goto(`/sign-in/password?returnTo=${encodeURIComponent("/assets?search=beach")}`);
    await expect(page.getByRole("heading", { name: "Sign in to Valet" })).toBeVisible();

    await signInWithForm(page, "demo", "demo");

    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === "/assets?search=beach");
    await expect(page.getByLabel("Search assets")).toHaveValue("beach");
    const other = await context.newPage();
    await other.goto("/profile");
    await expect(other.getByTestId("profile-name")).toHaveText("Dana Demo");
  });

  test("the Sign in button beside the form still signs in at MediaValet, with the same client", async ({
    page,
    control,
  }) => {
    await page.goto("/");
    await page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
    await signInAtSandbox(page);

    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    expect(await control.stats()).toMatchObject({ codeGrants: 1, passwordGrants: 0 });
  });

  test("a wrong password: says so, keeps the username, clears the password, stores and leaks nothing", async ({
    page,
  }) => {
    const urls = recordRequests(page);
    await page.goto("/");

    await signInWithForm(page, "demo", WRONG_PASSWORD);

    await expectRefused(page, "Wrong username or password.");
    await expect(page.getByLabel("Username", { exact: true })).toHaveValue("demo");
    expect(urls.filter((url) => url.includes(WRONG_PASSWORD))).toEqual([]);
    expect(await storedText(page)).not.toContain(WRONG_PASSWORD);
    expect(await page.content()).not.toContain(WRONG_PASSWORD);
  });

  test("a locked account: the server's words", async ({ page }) => {
    await page.goto("/");

    await signInWithForm(page, "locked", "locked");

    await expectRefused(page, /locked/i);
    await expect(page.getByLabel("Username", { exact: true })).toHaveValue("locked");
  });

  test("the server unreachable: says so, and the next attempt works", async ({ page, control }) => {
    await page.goto("/");
    // Chromium sends a request once more, unseen by the page, when a reused keep-alive connection drops before any
    // answer: two drops make sure the page sees one failure; the spare is disarmed before trying again.
    await control.failTokenEndpoint({ mode: "drop", count: 2 });

    await signInWithForm(page, "demo", "demo");

    await expectRefused(
      page,
      "Valet could not reach the sign-in server. Check your connection, then try again.",
    );
    // The request did reach the token endpoint, and was cut off there (counted even when dropped).
    expect((await control.stats()).passwordGrants).toBeGreaterThanOrEqual(1);
    await control.reset();
    await page.getByLabel("Password", { exact: true }).fill("demo");
    await page.getByRole("button", { name: "Sign in with password" }).click();
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  });

  test("shows progress while the server is slow", async ({ page, control }) => {
    await page.goto("/");
    await control.failTokenEndpoint({ mode: "slow", count: 1, delayMs: 2_000 });

    await signInWithForm(page, "demo", "demo");

    await expect(page.getByRole("button", { name: "Signing in…" })).toBeDisabled();
    await expect(
      page.getByRole("status").filter({ hasText: "Signing in with your password…" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  });

  test("has no serious accessibility problems, with an error showing", async ({ page }) => {
    await page.goto("/");
    await signInWithForm(page, "demo", WRONG_PASSWORD);
    await expect(page.getByRole("alert")).toBeVisible();

    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});

test.describe("Password sign-in refused by the server", () => {
  test("a client the server does not allow the password grant: points to the Sign in button", async ({
    page,
    appConfig,
  }) => {
    // Valet's normal client: the sandbox answers unauthorized_client, as MediaValet would.
    appConfig.override({ clientId: "valet", passwordSignIn: true });
    await page.goto("/");

    await signInWithForm(page, "demo", "demo");

    await expectRefused(
      page,
      "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
    );
  });
});

test.describe("Password sign-in, left off (the default)", () => {
  test("the start page has no form and loads none of its code", async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto("/");

    await expect(page.getByRole("main").getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
    await expect(page.getByText("Valet never sees it")).toBeVisible();
    expect(urls.filter((url) => PASSWORD_CHUNK.test(url))).toEqual([]);
  });

  test("/sign-in/password does not exist", async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto("/sign-in/password");

    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
    expect(urls.filter((url) => PASSWORD_CHUNK.test(url))).toEqual([]);
  });

  test("when on, the start page does load the form's chunk (the check above can see it)", async ({
    page,
    appConfig,
  }) => {
    appConfig.override({ clientId: "valet-password", passwordSignIn: true });
    const urls = recordRequests(page);
    await page.goto("/");

    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    expect(urls.filter((url) => PASSWORD_CHUNK.test(url)).length).toBeGreaterThan(0);
  });
});
