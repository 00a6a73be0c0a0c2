import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  authorizationRequest,
  authorize,
  browse,
  exchangeCode,
  follow,
  signIn,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

async function keySet(authUrl: string) {
  const response = await fetch(`${authUrl}/.well-known/openid-configuration/jwks`);
  return createLocalJWKSet((await response.json()) as JSONWebKeySet);
}

describe("authorization code flow with PKCE", () => {
  const sandbox = useSandbox();

  it("signs in through the sandbox's page and returns code, state and iss to the registered redirect URI", async () => {
    const request = authorizationRequest(sandbox());
    const callback = await authorize(new CookieJar(), request);

    expect(`${callback.origin}${callback.pathname}`).toBe(request.redirectUri);
    expect(callback.searchParams.get("code")).toMatch(/\S{20,}/);
    expect(callback.searchParams.get("state")).toBe(request.state);
    expect(callback.searchParams.get("iss")).toBe(sandbox().issuer);
  });

  it("exchanges the code for an access token, a refresh token and an id_token", async () => {
    const { tokens } = await signIn(sandbox());

    expect(tokens).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.any(String),
    });
  });

  it("issues an id_token that verifies against the JWKS and names the person", async () => {
    const { tokens, request } = await signIn(sandbox());
    const { payload, protectedHeader } = await jwtVerify(
      tokens.id_token ?? "",
      await keySet(sandbox().authUrl),
      {
        issuer: sandbox().issuer,
        audience: TEST_CLIENT_ID,
      },
    );

    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      sub: "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21",
      name: "Dana Demo",
      given_name: "Dana",
      family_name: "Demo",
      email: "dana.demo@example.com",
      preferred_username: "demo",
      nonce: request.nonce,
    });
  });

  it("issues a JWT access token for the API audience", async () => {
    const { tokens } = await signIn(sandbox());
    const { payload } = await jwtVerify(tokens.access_token, await keySet(sandbox().authUrl), {
      issuer: sandbox().issuer,
      audience: "api",
    });

    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: "RS256", typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: expect.any(String), client_id: TEST_CLIENT_ID });
    // Every granted scope, as IdentityServer's access tokens name them.
    expect(String(payload["scope"]).split(" ").sort()).toEqual(["api", "offline_access", "openid"]);
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it("gives no refresh token without offline_access", async () => {
    const { tokens } = await signIn(sandbox(), { scope: "openid api" });

    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens).not.toHaveProperty("refresh_token");
  });

  it("also issues a refresh token when the client sends prompt=consent", async () => {
    const { tokens } = await signIn(sandbox(), { extraParams: { prompt: "consent" } });

    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it("signs in another seeded user", async () => {
    const { tokens } = await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } });
    const { payload } = await jwtVerify(tokens.id_token ?? "", await keySet(sandbox().authUrl));

    expect(payload["name"]).toBe("Alex Archer");
  });

  it("keeps the session in a cookie over plain http, so a second sign-in needs no password", async () => {
    const jar = new CookieJar();
    await signIn(sandbox(), { jar });
    expect(jar.has("_session")).toBe(true);

    const again = authorizationRequest(sandbox());
    const result = await follow(jar, again.url, again.redirectUri);
    expect("arrivedAt" in result && result.arrivedAt.searchParams.get("code")).toBeTruthy();
  });

  it("refuses a replayed code with invalid_grant", async () => {
    const request = authorizationRequest(sandbox());
    const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
    expect((await exchangeCode(sandbox(), request, code)).status).toBe(200);

    const replay = await exchangeCode(sandbox(), request, code);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a code exchanged with the wrong code_verifier", async () => {
    const request = authorizationRequest(sandbox());
    const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";

    const response = await exchangeCode(sandbox(), { ...request, codeVerifier: "x".repeat(43) }, code);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("sends a request without PKCE back to the app with an error instead of a code", async () => {
    const request = authorizationRequest(sandbox(), { withoutPkce: true });
    const result = await follow(new CookieJar(), request.url, request.redirectUri);

    if (!("arrivedAt" in result)) throw new Error("expected a redirect back to the app");
    expect(result.arrivedAt.searchParams.get("error")).toBe("invalid_request");
    expect(result.arrivedAt.searchParams.get("error_description")).toMatch(/PKCE/);
    expect(result.arrivedAt.searchParams.has("code")).toBe(false);
    expect(result.arrivedAt.searchParams.get("state")).toBe(request.state);
  });

  it("accepts only the S256 code challenge method", async () => {
    const request = authorizationRequest(sandbox(), { extraParams: { code_challenge_method: "plain" } });
    const result = await follow(new CookieJar(), request.url, request.redirectUri);

    if (!("arrivedAt" in result)) throw new Error("expected a redirect back to the app");
    expect(result.arrivedAt.searchParams.get("error")).toBe("invalid_request");
  });

  it("shows an error page, never a redirect, for an unregistered redirect_uri", async () => {
    const request = authorizationRequest(sandbox(), { redirectUri: "http://127.0.0.1:6666/callback" });
    const response = await browse(new CookieJar(), request.url, { headers: { Accept: "text/html" } });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(html).toContain("redirect_uri");
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"'\s]*\.(css|woff2?|js)/);
  });

  it("rejects an unknown client at the authorize endpoint", async () => {
    const request = authorizationRequest(sandbox(), { clientId: "nobody" });
    const response = await browse(new CookieJar(), request.url);

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it("answers the app's origin with CORS on the token endpoint and refuses other origins", async () => {
    const request = authorizationRequest(sandbox());
    const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
    const allowed = await exchangeCode(sandbox(), request, code);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);

    const other = await fetch(`${sandbox().authUrl}/connect/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://evil.example" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: TEST_CLIENT_ID,
        refresh_token: "x",
      }),
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.status).toBe(400);
  });
});
