import { describe, expect, it } from "vitest";
import type { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  authorizationRequest,
  browse,
  follow,
  formAction,
  refreshGrant,
  signIn,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const POST_LOGOUT_URI = `${TEST_APP_ORIGIN}/`;

/** Does what the browser does with the end-session page: post its form (by script, or by the person's click). */
async function postLogoutForm(jar: CookieJar, page: Response, pageUrl: URL): Promise<Response> {
  const html = await page.text();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
  return browse(jar, formAction(html, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields.map((field) => [field[1] ?? "", field[2] ?? ""])),
  });
}

/** A signature that no longer matches: the token is otherwise the real one. */
function spoil(idToken: string): string {
  const [header = "", payload = "", signature = ""] = idToken.split(".");
  const bytes = Buffer.from(signature, "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString("base64url")}`;
}

describe("end session", () => {
  const sandbox = useSandbox();

  const endSessionUrl = (params: Record<string, string>): URL => {
    const url = new URL(`${sandbox().authUrl}/connect/endsession`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url;
  };

  /** Posts the page's form and follows the answer to where the browser ends up. */
  async function confirmAndFollow(jar: CookieJar, page: Response, pageUrl: URL) {
    const done = await postLogoutForm(jar, page, pageUrl);
    expect(done.status).toBe(303);
    const location = new URL(done.headers.get("location") ?? "", pageUrl);
    return {
      location,
      page: location.origin === sandbox().authUrl ? await browse(jar, location) : undefined,
    };
  }

  describe("with a valid id_token_hint (as IdentityServer requires for the way back)", () => {
    it("signs out without asking and returns to the registered post-logout URI with the state", async () => {
      const { tokens, jar } = await signIn(sandbox());
      const url = endSessionUrl({
        id_token_hint: tokens.id_token ?? "",
        post_logout_redirect_uri: POST_LOGOUT_URI,
        state: "bye",
      });

      const page = await browse(jar, url);
      expect(page.status).toBe(200);
      const html = await page.clone().text();
      expect(html).toContain('<input type="hidden" name="logout" value="yes">');
      expect(html).toContain('document.getElementById("op.logoutForm").submit();');
      expect(html).not.toContain("Do you want to sign out?");
      expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);

      const done = await postLogoutForm(jar, page, url);
      expect(done.status).toBe(303);
      expect(done.headers.get("location")).toBe(`${POST_LOGOUT_URI}?state=bye`);
    });

    it("returns without a state when none was sent", async () => {
      const { tokens, jar } = await signIn(sandbox());
      const url = endSessionUrl({
        id_token_hint: tokens.id_token ?? "",
        post_logout_redirect_uri: POST_LOGOUT_URI,
      });

      const done = await postLogoutForm(jar, await browse(jar, url), url);
      expect(done.headers.get("location")).toBe(POST_LOGOUT_URI);
    });

    it("accepts the hint together with the matching client_id", async () => {
      const { tokens, jar } = await signIn(sandbox());
      const url = endSessionUrl({
        id_token_hint: tokens.id_token ?? "",
        client_id: TEST_CLIENT_ID,
        post_logout_redirect_uri: POST_LOGOUT_URI,
      });

      const done = await postLogoutForm(jar, await browse(jar, url), url);
      expect(done.headers.get("location")).toBe(POST_LOGOUT_URI);
    });

    it("ends the session: the next sign-in asks for the password again", async () => {
      const { tokens, jar } = await signIn(sandbox());
      const url = endSessionUrl({
        id_token_hint: tokens.id_token ?? "",
        post_logout_redirect_uri: POST_LOGOUT_URI,
      });
      await postLogoutForm(jar, await browse(jar, url), url);

      expect(jar.has("_session")).toBe(false);
      const again = authorizationRequest(sandbox());
      const result = await follow(jar, again.url, again.redirectUri);
      expect("page" in result && (await result.page.text())).toContain("Sign in to MediaValet Sandbox");
    });

    it("refuses an unregistered post-logout URI", async () => {
      const { tokens, jar } = await signIn(sandbox());
      const url = endSessionUrl({
        id_token_hint: tokens.id_token ?? "",
        post_logout_redirect_uri: "http://127.0.0.1:6666/",
      });

      const response = await browse(jar, url, { headers: { Accept: "text/html" } });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    });
  });

  describe("without a valid id_token_hint", () => {
    /** Each way of asking to go back without a valid hint, as a fresh signed-in browser would send it. */
    const cases: [string, (idToken: string) => Record<string, string>][] = [
      ["client_id alone", () => ({ client_id: TEST_CLIENT_ID })],
      ["a hint with a broken signature", (idToken) => ({ id_token_hint: spoil(idToken) })],
      ["a hint that is not a JWT", () => ({ id_token_hint: "not-a-token", client_id: TEST_CLIENT_ID })],
      [
        "a hint issued to another client",
        (idToken) => ({ id_token_hint: idToken, client_id: "sandbox-integration" }),
      ],
    ];

    for (const [name, params] of cases) {
      it(`asks "Do you want to sign out?" and stays on the auth server (${name})`, async () => {
        const { tokens, jar } = await signIn(sandbox());
        const url = endSessionUrl({
          ...params(tokens.id_token ?? ""),
          post_logout_redirect_uri: POST_LOGOUT_URI,
          state: "bye",
        });

        const page = await browse(jar, url);
        expect(page.status).toBe(200);
        const html = await page.clone().text();
        expect(html).toContain("<h1>Do you want to sign out?</h1>");
        expect(html).toContain('<button type="submit" form="op.logoutForm">Yes, sign out</button>');
        expect(html).not.toContain("<script>");
        expect(page.headers.get("content-security-policy")).toContain("script-src 'none'");

        const { location, page: signedOut } = await confirmAndFollow(jar, page, url);
        expect(location.origin).toBe(sandbox().authUrl);
        expect(location.href).not.toContain(encodeURIComponent(POST_LOGOUT_URI));
        expect(location.searchParams.has("state")).toBe(false);
        expect(await signedOut?.text()).toContain("<h1>You are signed out</h1>");
        expect(jar.has("_session")).toBe(false);
      });
    }

    it("ignores even an unregistered post-logout URI instead of refusing it: there is no way back to check", async () => {
      const { jar } = await signIn(sandbox());
      const url = endSessionUrl({
        client_id: TEST_CLIENT_ID,
        post_logout_redirect_uri: "http://127.0.0.1:6666/",
      });

      const page = await browse(jar, url);
      expect(await page.text()).toContain("Do you want to sign out?");
    });

    it("shows the signed-out page when nothing at all is sent", async () => {
      const { jar } = await signIn(sandbox());
      const url = endSessionUrl({});

      const { page } = await confirmAndFollow(jar, await browse(jar, url), url);
      expect(await page?.text()).toContain("<h1>You are signed out</h1>");
    });
  });

  it("leaves an offline_access refresh token valid, as offline access means: the app revokes it itself", async () => {
    const { tokens, jar } = await signIn(sandbox());
    const url = endSessionUrl({ id_token_hint: tokens.id_token ?? "" });
    await postLogoutForm(jar, await browse(jar, url), url);

    expect((await refreshGrant(sandbox(), tokens.refresh_token ?? "")).status).toBe(200);
  });
});
