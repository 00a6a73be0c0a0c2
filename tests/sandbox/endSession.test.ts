import { describe, expect, it } from "vitest";
import type { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  authorizationRequest,
  browse,
  follow,
  formAction,
  refreshGrant,
  signIn,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

/** Does what the browser does with the end-session page: post its auto-submitting form. */
async function postLogoutForm(jar: CookieJar, page: Response, pageUrl: URL): Promise<Response> {
  const html = await page.text();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
  return browse(jar, formAction(html, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields.map((field) => [field[1] ?? "", field[2] ?? ""])),
  });
}

describe("end session", () => {
  const sandbox = useSandbox();

  it("signs out without asking and returns to the registered post-logout URI with the state", async () => {
    const { tokens, jar } = await signIn(sandbox());
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    url.searchParams.set("id_token_hint", tokens.id_token ?? "");
    url.searchParams.set("post_logout_redirect_uri", `${TEST_APP_ORIGIN}/`);
    url.searchParams.set("state", "bye");

    const page = await browse(jar, url);
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain('<input type="hidden" name="logout" value="yes">');
    expect(html).toContain('document.getElementById("op.logoutForm").submit();');
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);

    const done = await postLogoutForm(jar, page, url);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${TEST_APP_ORIGIN}/?state=bye`);
  });

  it("ends the session: the next sign-in asks for the password again", async () => {
    const { tokens, jar } = await signIn(sandbox());
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    url.searchParams.set("id_token_hint", tokens.id_token ?? "");
    url.searchParams.set("post_logout_redirect_uri", `${TEST_APP_ORIGIN}/`);
    await postLogoutForm(jar, await browse(jar, url), url);

    expect(jar.has("_session")).toBe(false);
    const again = authorizationRequest(sandbox());
    const result = await follow(jar, again.url, again.redirectUri);
    expect("page" in result && (await result.page.text())).toContain("Sign in to MediaValet Sandbox");
  });

  it("leaves an offline_access refresh token valid, as offline access means: the app revokes it itself", async () => {
    const { tokens, jar } = await signIn(sandbox());
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    url.searchParams.set("id_token_hint", tokens.id_token ?? "");
    await postLogoutForm(jar, await browse(jar, url), url);

    expect((await refreshGrant(sandbox(), tokens.refresh_token ?? "")).status).toBe(200);
  });

  it("shows a signed-out page when no post-logout URI is given", async () => {
    const { jar } = await signIn(sandbox());
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    const done = await postLogoutForm(jar, await browse(jar, url), url);
    const location = new URL(done.headers.get("location") ?? "", url);

    const page = await browse(jar, location);
    expect(await page.text()).toContain("<h1>Signed out</h1>");
  });

  it("refuses an unregistered post-logout URI", async () => {
    const { tokens, jar } = await signIn(sandbox());
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    url.searchParams.set("id_token_hint", tokens.id_token ?? "");
    url.searchParams.set("post_logout_redirect_uri", "http://127.0.0.1:6666/");

    const response = await browse(jar, url, { headers: { Accept: "text/html" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});
