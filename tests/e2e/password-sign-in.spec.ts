import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { startNodeRelay, type NodeRelay } from "../../relay/node";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../../sandbox/auth/clients";
import type { Sandbox } from "../../sandbox/startSandbox";
import { expect, signInAtSandbox, storedUser, storedUserKeys, test } from "./fixtures";

// A password no page, URL or stored value has any other reason to contain, so finding it anywhere is a leak.
const WRONG_PASSWORD = "Wr0ng-pa55word-e2e";
// Short-lived access tokens: renewal comes a third of the lifetime before expiry, at 60 s of a 90 s token; the
// page's clock is moved there rather than waited for.
const LIFETIME = 90;
const LANDING = "Your MediaValet library, in the browser";

/**
 * The deployment password sign-in needs at MediaValet: its confidential client, whose secret the relay adds. The
 * password grant is forwarded only when `allowPasswordGrant` says so, as a deployment configures its relay.
 */
function startRelay(sandbox: Sandbox, origin: string, allowPasswordGrant: boolean): Promise<NodeRelay> {
  return startNodeRelay({
    tokenEndpoint: `${sandbox.authUrl}/connect/token`,
    revocationEndpoint: `${sandbox.authUrl}/connect/revocation`,
    clientId: CONFIDENTIAL_CLIENT_ID,
    clientSecret: CONFIDENTIAL_CLIENT_SECRET,
    allowedOrigins: [origin],
    allowPasswordGrant,
  });
}

let relay: NodeRelay;
let relayWithoutPassword: NodeRelay;

test.beforeAll(async ({ sandbox, site }) => {
  [relay, relayWithoutPassword] = await Promise.all([
    startRelay(sandbox, site.origin, true),
    startRelay(sandbox, site.origin, false),
  ]);
});
test.afterAll(async () => {
  await Promise.all([relay.close(), relayWithoutPassword.close()]);
});
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

test.describe("Password sign-in, turned on (the confidential client, through the relay)", () => {
  test.beforeEach(({ appConfig }) => {
    appConfig.override({ clientId: CONFIDENTIAL_CLIENT_ID, tokenRelayUrl: relay.url, passwordSignIn: true });
  });

  test("signs in with no id_token, knows the person from /users/current, renews, signs out without end session", async ({
    page,
    control,
    sandbox,
    site,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    const urls = recordRequests(page);
    const tokenPosts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "fetch" && request.url().startsWith(relay.url)) {
        tokenPosts.push(`${request.method()} ${new URL(request.url()).pathname}`);
      }
    });
    await page.clock.install();
    await page.goto("/");
    await expect(page.getByText("This form sends your password through Valet")).toBeVisible();
    await expect(page.getByRole("main").getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

    await signInWithForm(page, "demo", "demo");

    await expect(page).toHaveURL((url) => url.pathname === "/assets");
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    // No id_token came, so the name in the header is the one the API gave for this access token.
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    expect((await control.stats()).passwordGrants).toBe(1);
    const session = await storedUser(page);
    expect(session.id_token).toBeUndefined();
    expect(session.profile).toMatchObject({ name: "Dana Demo", preferred_username: "demo" });

    await page.clock.fastForward((LIFETIME - 25) * 1000);
    await expect.poll(async () => (await control.stats()).refreshGrants).toBe(1);
    await page.getByLabel("Search assets").fill("beach");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByTestId("profile-name")).toHaveText("Dana Demo");

    // Sent once, in the body of a POST to the relay: never in a URL, and not kept by the browser.
    expect(tokenPosts).toEqual(["POST /token", "POST /token"]);
    for (const url of urls) expect(new URL(url).searchParams.has("password")).toBe(false);
    expect((await storedFieldNames(page)).filter((name) => /password|credential|secret/i.test(name))).toEqual(
      [],
    );
    expect(await storedUserKeys(page)).toHaveLength(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: LANDING })).toBeVisible();
    await expect(page.getByRole("form", { name: "Sign in with a username and password" })).toBeVisible();
    expect(page.url()).toBe(site.url);
    expect(await storedUserKeys(page)).toEqual([]);
    expect(tokenPosts).toEqual(["POST /token", "POST /token", "POST /revocation"]);
    // No browser session at the auth server to end: no visit to it at all.
    expect(urls.filter((url) => url.startsWith(`${sandbox.authUrl}/connect/endsession`))).toEqual([]);
    const stats = await control.stats();
    expect(stats).toMatchObject({
      passwordGrants: 1,
      codeGrants: 0,
      refreshGrants: 1,
      refreshReuse: 0,
      revocations: 1,
      endSessions: 0,
    });
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

test.describe("Password sign-in refused", () => {
  const REFUSED =
    "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.";

  test("by the server, for the public client: unauthorized_client points to the Sign in button", async ({
    page,
    appConfig,
    control,
  }) => {
    // Valet's public client, straight to the server: the sandbox answers unauthorized_client, as MediaValet would.
    appConfig.override({ clientId: "valet", passwordSignIn: true });
    await page.goto("/");

    await signInWithForm(page, "demo", "demo");

    await expectRefused(page, REFUSED);
    expect((await control.stats()).passwordGrants).toBe(1);
  });

  test("by a relay that does not forward the password grant: the same words", async ({
    page,
    appConfig,
    control,
  }) => {
    appConfig.override({
      clientId: CONFIDENTIAL_CLIENT_ID,
      tokenRelayUrl: relayWithoutPassword.url,
      passwordSignIn: true,
    });
    await page.goto("/");

    await signInWithForm(page, "demo", "demo");

    await expectRefused(page, REFUSED);
    expect((await control.stats()).passwordGrants).toBe(0);
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
    appConfig.override({ clientId: CONFIDENTIAL_CLIENT_ID, tokenRelayUrl: relay.url, passwordSignIn: true });
    const urls = recordRequests(page);
    await page.goto("/");

    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    expect(urls.filter((url) => PASSWORD_CHUNK.test(url)).length).toBeGreaterThan(0);
  });
});
