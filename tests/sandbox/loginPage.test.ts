import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CookieJar } from "./helpers/cookieJar";
import { authorizationRequest, follow, submitLogin } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

async function openLoginPage(jar: CookieJar, request: ReturnType<typeof authorizationRequest>) {
  const result = await follow(jar, request.url, request.redirectUri);
  if ("arrivedAt" in result) throw new Error("expected the sign-in page, got a redirect to the app");
  return { response: result.page, html: await result.page.text(), url: result.url };
}

describe("the sandbox's sign-in page", () => {
  const sandbox = useSandbox();

  it("is a plain, accessible form on the auth server", async () => {
    const page = await openLoginPage(new CookieJar(), authorizationRequest(sandbox()));

    expect(page.url.origin).toBe(sandbox().authUrl);
    expect(page.response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toMatch(/<main>[\s\S]*<\/main>/);
    expect(page.html).toContain("<h1>Sign in to MediaValet Sandbox</h1>");
    expect(page.html).toMatch(
      /<label for="username">Username<\/label>\s*<input id="username" name="username"/,
    );
    expect(page.html).toMatch(
      /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/,
    );
    expect(page.html).toContain('<button type="submit">Sign in</button>');
    expect(page.html).not.toContain('<p role="alert">');
  });

  it("loads nothing from elsewhere and says so in its content security policy", async () => {
    const page = await openLoginPage(new CookieJar(), authorizationRequest(sandbox()));

    expect(page.html).not.toMatch(/(src|href)="https?:/);
    expect(page.html).not.toContain("@import");
    // Not even the browser's own request for /favicon.ico, which the sandbox would answer 404 in the console.
    expect(page.html).toContain('<link rel="icon" href="data:,">');
    expect(page.response.headers.get("content-security-policy")).toMatch(/img-src [^;]*data:/);
    expect(page.response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
  });

  it("allows its own inline style by hash, and no script", async () => {
    const page = await openLoginPage(new CookieJar(), authorizationRequest(sandbox()));
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");

    expect(page.response.headers.get("content-security-policy")).toContain(`style-src 'sha256-${hash}'`);
    expect(page.response.headers.get("content-security-policy")).toContain("script-src 'none'");
  });

  it("keeps the user on the page after a wrong password, with the username kept and the password cleared", async () => {
    const jar = new CookieJar();
    const page = await openLoginPage(jar, authorizationRequest(sandbox()));
    const response = await submitLogin(jar, page.html, page.url, { username: "demo", password: "nope" });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(html).toContain('<p role="alert">Wrong username or password.</p>');
    expect(html).toMatch(/<input id="username" name="username"[^>]* value="demo"/);
    expect(html).toMatch(/<input id="password" name="password" type="password"[^>]* value=""/);
  });

  it("sends Back onto a finished sign-in page on with the same request, not to a dead end", async () => {
    const jar = new CookieJar();
    const request = authorizationRequest(sandbox());
    const page = await openLoginPage(jar, request);
    const first = await follow(jar, page.url, request.redirectUri, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "demo", password: "demo" }),
    });
    if (!("arrivedAt" in first)) throw new Error("the sign-in did not reach the app");

    // The browser's Back button: GET the same sign-in page again, with the session cookie.
    const again = await follow(jar, page.url, request.redirectUri);
    if (!("arrivedAt" in again))
      throw new Error(`Back onto the sign-in page dead-ended: ${again.page.status}`);
    expect(again.arrivedAt.searchParams.get("state")).toBe(request.state);
    expect(again.arrivedAt.searchParams.get("code")).not.toBe(first.arrivedAt.searchParams.get("code"));
  });

  it("tells a user whose account is locked, once the password was right", async () => {
    const jar = new CookieJar();
    const page = await openLoginPage(jar, authorizationRequest(sandbox()));
    const response = await submitLogin(jar, page.html, page.url, { username: "locked", password: "locked" });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(html).toMatch(/<p role="alert">This account is locked\./);
  });

  it("lets the user try again after a wrong password", async () => {
    const jar = new CookieJar();
    const request = authorizationRequest(sandbox());
    const page = await openLoginPage(jar, request);
    const wrong = await submitLogin(jar, page.html, page.url, { username: "demo", password: "nope" });
    const retry = await submitLogin(jar, await wrong.text(), page.url, {
      username: "demo",
      password: "demo",
    });

    expect(retry.status).toBe(303);
    const done = await follow(
      jar,
      new URL(retry.headers.get("location") ?? "", page.url),
      request.redirectUri,
    );
    expect("arrivedAt" in done && done.arrivedAt.searchParams.get("code")).toBeTruthy();
  });

  it("escapes what it echoes back", async () => {
    const jar = new CookieJar();
    const page = await openLoginPage(jar, authorizationRequest(sandbox()));
    const hostile = `"><script>alert(1)</script>`;
    const response = await submitLogin(jar, page.html, page.url, { username: hostile, password: "x" });
    const html = await response.text();

    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("prefills the username from login_hint", async () => {
    const request = authorizationRequest(sandbox(), { extraParams: { login_hint: "alex" } });
    const page = await openLoginPage(new CookieJar(), request);

    expect(page.html).toMatch(/<input id="username" name="username"[^>]* value="alex"/);
  });

  it("explains an expired or unknown sign-in link instead of failing", async () => {
    const response = await fetch(`${sandbox().authUrl}/interaction/not-a-real-interaction`);

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Sign-in expired");
  });
});
