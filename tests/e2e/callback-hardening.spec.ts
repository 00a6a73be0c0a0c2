import type { Page, Request } from "@playwright/test";
import { expect, signInAtSandbox, storedUser, storedUserKeys, test } from "./fixtures";

/** Starts a sign-in from the library and stops on the sandbox's page, returning the request's state. */
async function startSignIn(page: Page, authUrl: string): Promise<string> {
  const authorize = page.waitForRequest((request) =>
    request.url().startsWith(`${authUrl}/connect/authorize?`),
  );
  await page.goto("/assets");
  const state = new URL((await authorize).url()).searchParams.get("state");
  await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
  if (!state) throw new Error("The authorization request carried no state.");
  return state;
}

/**
 * Holds back the auth server's redirect to the callback and delivers it changed, as someone with a hand on the
 * redirect could. (Playwright's routing does not see the hops of a redirect, so this uses Chromium's Fetch domain.)
 */
async function tamperWithCallback(page: Page, siteOrigin: string, tamper: (url: URL) => void): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let held: string | undefined;
  cdp.on("Fetch.requestPaused", (event: { requestId: string; request: { url: string } }) => {
    if (held === undefined) {
      held = event.request.url;
      const url = new URL(held);
      tamper(url);
      void cdp.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "Aborted" });
      void page.goto(url.toString()).catch(() => undefined);
    } else {
      void cdp.send("Fetch.continueRequest", { requestId: event.requestId });
    }
  });
  await cdp.send("Fetch.enable", {
    patterns: [{ urlPattern: `${siteOrigin}/callback?*`, requestStage: "Request" }],
  });
}

test.describe("The callback refuses bad input", () => {
  test("a discovery issuer other than the configured one stops before any redirect", async ({
    page,
    appConfig,
    sandbox,
  }) => {
    appConfig.override({ issuer: "https://iam.mediavalet.example" });
    const toAuthorize: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${sandbox.authUrl}/connect/authorize`)) toAuthorize.push(request.url());
    });
    await page.goto("/assets");
    await expect(page.getByRole("heading", { name: "Sign-in could not start" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(`names its issuer "${sandbox.issuer}"`);
    expect(toAuthorize).toEqual([]);
    expect(new URL(page.url()).pathname).toBe("/assets");
  });

  for (const [name, tamper, says] of [
    [
      "a wrong iss parameter",
      (url: URL) => url.searchParams.set("iss", "https://evil.example"),
      "expected issuer",
    ],
    [
      "a missing iss parameter",
      (url: URL) => url.searchParams.delete("iss"),
      "does not say which server sent it",
    ],
  ] as const) {
    test(`${name} is refused before the code is exchanged`, async ({ page, sandbox, site }) => {
      const tokenRequests: Request[] = [];
      page.on("request", (request) => {
        if (request.url() === `${sandbox.authUrl}/connect/token`) tokenRequests.push(request);
      });
      // An attacker's hand on the redirect: the browser arrives at the callback with the iss changed.
      await tamperWithCallback(page, site.origin, tamper);
      await page.goto("/assets");
      await signInAtSandbox(page);
      await expect(page.getByRole("heading", { name: "Sign-in did not complete" })).toBeVisible();
      await expect(page.getByRole("alert")).toContainText(says);
      expect(tokenRequests).toEqual([]);
      expect(await storedUserKeys(page)).toEqual([]);
      await expect(page.getByRole("button", { name: "Sign in again" })).toBeVisible();
    });
  }

  test("an error response shows its description as text, never as HTML", async ({ page, sandbox }) => {
    const state = await startSignIn(page, sandbox.authUrl);
    const description = "<img src=x onerror=\"document.title='owned'\"><b>refused</b>";
    const query = new URLSearchParams({ error: "access_denied", error_description: description, state });
    query.set("iss", sandbox.issuer);
    await page.goto(`/callback?${query.toString()}`);
    await expect(page.getByRole("heading", { name: "Sign-in did not complete" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(description);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.title()).not.toBe("owned");
    expect(await storedUserKeys(page)).toEqual([]);
    expect(page.url()).not.toContain("error_description");
  });

  test("a tampered code gets a clear message and a fresh start", async ({ page, site }) => {
    await tamperWithCallback(page, site.origin, (url) =>
      url.searchParams.set("code", `tampered-${url.searchParams.get("code")}`),
    );
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Sign-in did not complete" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("invalid_grant");
    expect(await storedUserKeys(page)).toEqual([]);
    // The sandbox still has a session from the first attempt: a fresh request signs in without asking again.
    await page.getByRole("button", { name: "Sign in again" }).click();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
  });

  test("an unknown state restarts sign-in instead of dead-ending", async ({ page, sandbox }) => {
    await page.goto(`/callback?code=made-up&state=not-a-state&iss=${encodeURIComponent(sandbox.issuer)}`);
    await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
    expect(page.url().startsWith(`${sandbox.authUrl}/`)).toBe(true);
  });

  test("an unknown state is looked up before the iss: words put in the iss are never shown", async ({
    page,
    sandbox,
  }) => {
    const planted = "Your account is locked. Call +1 555 0100";
    const query = new URLSearchParams({ code: "made-up", state: "not-a-state", iss: planted });
    await page.goto(`/callback?${query.toString()}`);
    await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
    expect(page.url().startsWith(`${sandbox.authUrl}/`)).toBe(true);
    await expect(page.getByText(planted)).toHaveCount(0);
  });

  test("a replayed callback URL makes no second token request and goes on", async ({ page, sandbox }) => {
    let callbackUrl = "";
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/callback?code=")) callbackUrl = request.url();
      if (request.url() === `${sandbox.authUrl}/connect/token`) tokenRequests.push(request.url());
    });
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    expect(tokenRequests).toHaveLength(1);

    await page.goto(callbackUrl);
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    expect(tokenRequests).toHaveLength(1);

    // Reloading the bare callback, as Back onto it would, also goes on.
    await page.goto("/callback");
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    expect(tokenRequests).toHaveLength(1);
  });
});

test.describe("The return path after sign-in", () => {
  // Every other unsafe shape (absolute URL, backslash host, javascript:, encoded slashes, whitespace) is refused by
  // the same function, each case in tests/unit/auth/safeReturnPath.test.ts; this checks the wiring, end to end.
  for (const [name, returnTo] of [
    ["a protocol-relative URL", "//evil.example/assets"],
    // Each resolves to "//evil.example", which the router would refuse, leaving the page on "Completing sign-in…".
    ["a dot segment before a double slash", "/.//evil.example"],
    ["an encoded dot segment", "/%2E//evil.example"],
  ] as const) {
    test(`${name} put into the stored state is refused: the person lands on the app's start page`, async ({
      page,
      context,
      site,
      sandbox,
    }) => {
      const state = await startSignIn(page, sandbox.authUrl);
      // Tamper with the stored state, the only place the return path is read from, from a tab of the app's origin.
      const appTab = await context.newPage();
      await appTab.goto("/nothing-here");
      await appTab.evaluate(
        ({ key, returnTo }) => {
          const stored = JSON.parse(localStorage.getItem(key) ?? "{}") as { data?: { returnTo?: string } };
          stored.data = { ...stored.data, returnTo };
          localStorage.setItem(key, JSON.stringify(stored));
        },
        { key: `valet.state.${state}`, returnTo },
      );
      await appTab.close();
      await signInAtSandbox(page);
      await expect(
        page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
      ).toBeVisible();
      expect(new URL(page.url()).pathname).toBe("/");
      expect(new URL(page.url()).origin).toBe(site.origin);
    });
  }
});

test.describe("Tokens stay out of sight", () => {
  test("no token in any URL, cookie, Referer or console message during sign-in, use and sign-out", async ({
    page,
    context,
    sandbox,
  }) => {
    const urls: string[] = [];
    const referers: string[] = [];
    const consoleLines: string[] = [];
    page.on("request", (request) => {
      urls.push(request.url());
      const referer = request.headers()["referer"];
      if (referer) referers.push(referer);
    });
    page.on("console", (message) => consoleLines.push(message.text()));

    await page.goto("/assets?search=beach");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    const user = await storedUser(page);
    const tokens = [user.access_token, user.refresh_token, user.id_token].filter(
      (value): value is string => !!value,
    );
    expect(tokens).toHaveLength(3);
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();

    const cookies = await context.cookies();
    for (const token of tokens) {
      // The id_token goes once, as id_token_hint, to the end-session endpoint (RP-Initiated Logout); no other URL.
      const allowed = (url: string) =>
        token === tokens[2] && url.startsWith(`${sandbox.authUrl}/connect/endsession?`);
      expect(urls.filter((url) => url.includes(token) && !allowed(url))).toEqual([]);
      expect(consoleLines.filter((line) => line.includes(token))).toEqual([]);
      expect(cookies.filter((cookie) => cookie.value.includes(token))).toEqual([]);
    }
    // The callback page sends no Referer (which would carry code and state) to anyone.
    expect(referers.filter((referer) => /[?&](code|state)=/.test(referer))).toEqual([]);
    expect(urls.some((url) => url.startsWith(`${sandbox.authUrl}/connect/endsession`))).toBe(true);
  });
});
