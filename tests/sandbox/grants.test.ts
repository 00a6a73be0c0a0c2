import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import {
  INTEGRATION_CLIENT_ID,
  INTEGRATION_CLIENT_SECRET,
  PASSWORD_CLIENT_ID,
} from "../../sandbox/auth/clients";
import { DEFAULT_LIFETIMES } from "../../sandbox/auth/provider";
import { apiCall } from "./helpers/apiCall";
import { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  authorizationRequest,
  authorize,
  exchangeCode,
  follow,
  signIn,
  tokenRequest,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const INTEGRATION_REDIRECT_URI = "http://127.0.0.1:8765/callback";
const DEMO_SUB = "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const INTEGRATION_BASIC = basic(INTEGRATION_CLIENT_ID, INTEGRATION_CLIENT_SECRET);

describe("every grant in MediaValet's documentation", () => {
  const sandbox = useSandbox();

  /** A token request as a server-side integration sends it: no Origin, optionally with Basic auth. */
  async function token(params: Record<string, string>, authorization?: string) {
    const response = await fetch(`${sandbox().authUrl}/connect/token`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(authorization ? { Authorization: authorization } : {}),
      },
      body: new URLSearchParams(params),
    });
    return {
      response,
      body: (await response.json()) as TokenResponse & { error?: string; error_description?: string },
    };
  }

  async function verifies(jwt: string, audience: string) {
    const jwks = (await (
      await fetch(`${sandbox().authUrl}/.well-known/openid-configuration/jwks`)
    ).json()) as JSONWebKeySet;
    return (await jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: sandbox().issuer, audience })).payload;
  }

  /** The front channel for the integration client: sign in and come back with a code (no PKCE: it has a secret). */
  async function integrationCode(scope = "openid api offline_access") {
    const request = authorizationRequest(sandbox(), {
      clientId: INTEGRATION_CLIENT_ID,
      redirectUri: INTEGRATION_REDIRECT_URI,
      scope,
      withoutPkce: true,
    });
    const callback = await authorize(new CookieJar(), request);
    return { request, code: callback.searchParams.get("code") ?? "", callback };
  }

  describe("authorization code, public client with PKCE (Valet)", () => {
    it("returns access_token, expires_in, refresh_token with offline_access, id_token with openid", async () => {
      const { tokens } = await signIn(sandbox());

      expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
      expect(await verifies(tokens.access_token, "api")).toMatchObject({ sub: DEMO_SUB, scope: "api" });
      expect(await verifies(tokens.id_token ?? "", TEST_CLIENT_ID)).toMatchObject({ sub: DEMO_SUB });
      expect(tokens.refresh_token).toEqual(expect.any(String));
    });

    it("gives no id_token without openid", async () => {
      // A nonce belongs to OpenID requests: oidc-provider refuses one without openid.
      const { tokens } = await signIn(sandbox(), {
        scope: "api offline_access",
        extraParams: { nonce: undefined },
      });

      expect(tokens.access_token).toEqual(expect.any(String));
      expect(tokens.refresh_token).toEqual(expect.any(String));
      expect(tokens).not.toHaveProperty("id_token");
    });

    it("refuses a code without its code_verifier", async () => {
      const request = authorizationRequest(sandbox());
      const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
      const { response, body } = await token({
        grant_type: "authorization_code",
        client_id: TEST_CLIENT_ID,
        code,
        redirect_uri: request.redirectUri,
      });

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_grant");
    });

    it("refuses a code sent with another redirect_uri than the one it was issued for", async () => {
      const request = authorizationRequest(sandbox());
      const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
      const response = await exchangeCode(
        sandbox(),
        { ...request, redirectUri: `${request.redirectUri}-x` },
        code,
      );

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_grant" });
    });

    it("lives 60 seconds by default, as MediaValet documents", () => {
      expect(DEFAULT_LIFETIMES.code).toBe(60);
    });
  });

  describe("authorization code, confidential client with a secret", () => {
    it("exchanges the code with the secret in a Basic header", async () => {
      const { request, code, callback } = await integrationCode();
      expect(callback.searchParams.get("iss")).toBe(sandbox().issuer);
      const { response, body } = await token(
        { grant_type: "authorization_code", code, redirect_uri: request.redirectUri },
        INTEGRATION_BASIC,
      );

      expect(response.status).toBe(200);
      expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
      expect(await verifies(body.access_token, "api")).toMatchObject({ client_id: INTEGRATION_CLIENT_ID });
      expect(await verifies(body.id_token ?? "", INTEGRATION_CLIENT_ID)).toMatchObject({ sub: DEMO_SUB });
      expect(body.refresh_token).toEqual(expect.any(String));
    });

    it("exchanges the code with client_id and client_secret in the form (client_secret_post)", async () => {
      const { request, code } = await integrationCode("openid api");
      const { response, body } = await token({
        grant_type: "authorization_code",
        code,
        redirect_uri: request.redirectUri,
        client_id: INTEGRATION_CLIENT_ID,
        client_secret: INTEGRATION_CLIENT_SECRET,
      });

      expect(response.status).toBe(200);
      expect(body.id_token).toEqual(expect.any(String));
      expect(body).not.toHaveProperty("refresh_token");
    });

    it("refreshes with the secret in the form, as MediaValet's refresh example does, rotating the token", async () => {
      const { request, code } = await integrationCode();
      const first = await token(
        { grant_type: "authorization_code", code, redirect_uri: request.redirectUri },
        INTEGRATION_BASIC,
      );
      const { response, body } = await token({
        grant_type: "refresh_token",
        refresh_token: first.body.refresh_token ?? "",
        client_id: INTEGRATION_CLIENT_ID,
        client_secret: INTEGRATION_CLIENT_SECRET,
      });

      expect(response.status).toBe(200);
      expect(body).toMatchObject({
        access_token: expect.any(String),
        id_token: expect.any(String),
        expires_in: 3600,
      });
      expect(body.refresh_token).not.toBe(first.body.refresh_token);
    });

    it("refuses a wrong secret, and a missing one, with invalid_client", async () => {
      const { request, code } = await integrationCode();
      const wrong = await token(
        { grant_type: "authorization_code", code, redirect_uri: request.redirectUri },
        basic(INTEGRATION_CLIENT_ID, "not-the-secret"),
      );
      const missing = await token({
        grant_type: "authorization_code",
        code,
        redirect_uri: request.redirectUri,
        client_id: INTEGRATION_CLIENT_ID,
      });

      for (const { response, body } of [wrong, missing]) {
        expect(response.status).toBe(401);
        expect(body.error).toBe("invalid_client");
      }
    });
  });

  describe("resource owner password", () => {
    const password = (extra: Record<string, string> = {}) => ({
      grant_type: "password",
      username: "demo",
      password: "demo",
      scope: "openid api offline_access",
      ...extra,
    });

    it("works for a confidential client with Basic auth, as MediaValet's samples send it", async () => {
      const { response, body } = await token(password(), INTEGRATION_BASIC);

      expect(response.status).toBe(200);
      expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "api" });
      expect(await verifies(body.access_token, "api")).toMatchObject({ sub: DEMO_SUB, UserName: "demo" });
      expect(await verifies(body.id_token ?? "", INTEGRATION_CLIENT_ID)).toMatchObject({
        sub: DEMO_SUB,
        name: "Dana Demo",
      });
      expect(body.refresh_token).toEqual(expect.any(String));
      expect((await apiCall(sandbox(), body.access_token, "/users/current")).response.status).toBe(200);
    });

    it("gives a refresh token only with offline_access and an id_token only with openid", async () => {
      const { body } = await token(password({ scope: "api" }), INTEGRATION_BASIC);

      expect(body.access_token).toEqual(expect.any(String));
      expect(body).not.toHaveProperty("refresh_token");
      expect(body).not.toHaveProperty("id_token");
    });

    it("works for the public client a deployment opts into, and its refresh token rotates", async () => {
      const { response, body } = await token(password({ client_id: PASSWORD_CLIENT_ID }));
      expect(response.status).toBe(200);
      expect(decodeJwt(body.id_token ?? "").aud).toBe(PASSWORD_CLIENT_ID);

      const refreshed = await token({
        grant_type: "refresh_token",
        client_id: PASSWORD_CLIENT_ID,
        refresh_token: body.refresh_token ?? "",
      });
      expect(refreshed.response.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(body.refresh_token);
      expect(await verifies(refreshed.body.access_token, "api")).toMatchObject({ sub: DEMO_SUB });
    });

    it("is not allowed to Valet's normal client: unauthorized_client", async () => {
      const { response, body } = await token(password({ client_id: TEST_CLIENT_ID }));

      expect(response.status).toBe(400);
      expect(body.error).toBe("unauthorized_client");
    });

    it("refuses a wrong password with invalid_grant", async () => {
      const { response, body } = await token(password({ client_id: PASSWORD_CLIENT_ID, password: "nope" }));

      expect(response.status).toBe(400);
      expect(body).toEqual({ error: "invalid_grant", error_description: "Wrong username or password." });
    });

    it("refuses a locked account with invalid_grant, saying it is locked", async () => {
      const { response, body } = await token(
        password({ client_id: PASSWORD_CLIENT_ID, username: "locked", password: "locked" }),
      );

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_grant");
      expect(body.error_description).toMatch(/locked/i);
    });

    it("refuses a request without a username with invalid_request", async () => {
      const { response, body } = await token({
        grant_type: "password",
        password: "demo",
        client_id: PASSWORD_CLIENT_ID,
      });

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_request");
    });

    it("refuses a scope the server does not have with invalid_scope", async () => {
      const { response, body } = await token(
        password({ client_id: PASSWORD_CLIENT_ID, scope: "openid api admin" }),
      );

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_scope");
    });
  });

  describe("the client of a deployment with password sign-in on (one client for both buttons)", () => {
    it("runs the code flow with PKCE, answering the app's origin with CORS, and refreshes", async () => {
      const request = authorizationRequest(sandbox(), { clientId: PASSWORD_CLIENT_ID });
      const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
      const exchanged = await tokenRequest(sandbox(), {
        grant_type: "authorization_code",
        client_id: PASSWORD_CLIENT_ID,
        code,
        redirect_uri: request.redirectUri,
        code_verifier: request.codeVerifier,
      });
      const tokens = (await exchanged.json()) as TokenResponse;

      expect(exchanged.status).toBe(200);
      expect(exchanged.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
      expect(await verifies(tokens.id_token ?? "", PASSWORD_CLIENT_ID)).toMatchObject({
        sub: DEMO_SUB,
        nonce: request.nonce,
      });
      const refreshed = await tokenRequest(sandbox(), {
        grant_type: "refresh_token",
        client_id: PASSWORD_CLIENT_ID,
        refresh_token: tokens.refresh_token ?? "",
      });
      expect(refreshed.status).toBe(200);
    });

    it("requires PKCE like Valet's normal client", async () => {
      const request = authorizationRequest(sandbox(), { clientId: PASSWORD_CLIENT_ID, withoutPkce: true });
      const result = await follow(new CookieJar(), request.url, request.redirectUri);

      if (!("arrivedAt" in result)) throw new Error("expected a redirect back to the app");
      expect(result.arrivedAt.searchParams.get("error")).toBe("invalid_request");
      expect(result.arrivedAt.searchParams.has("code")).toBe(false);
    });

    it("accepts the password grant from the app's origin, with CORS", async () => {
      const response = await tokenRequest(sandbox(), {
        grant_type: "password",
        client_id: PASSWORD_CLIENT_ID,
        username: "demo",
        password: "demo",
        scope: "openid api offline_access",
      });

      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
      expect((await response.json()) as TokenResponse).toMatchObject({
        id_token: expect.any(String),
        refresh_token: expect.any(String),
      });
    });

    it("sends codes only to Valet's registered callback", async () => {
      const request = authorizationRequest(sandbox(), {
        clientId: PASSWORD_CLIENT_ID,
        redirectUri: "http://127.0.0.1:6666/callback",
      });
      const result = await follow(new CookieJar(), request.url, request.redirectUri);

      if (!("page" in result)) throw new Error(`expected an error page, went to ${result.arrivedAt.href}`);
      expect(result.page.status).toBe(400);
    });

    it("Valet's normal client still refuses the password grant, even from the app's origin", async () => {
      const response = await tokenRequest(sandbox(), {
        grant_type: "password",
        client_id: TEST_CLIENT_ID,
        username: "demo",
        password: "demo",
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "unauthorized_client" });
    });
  });

  describe("client credentials", () => {
    it("issues an api access token for the integration itself, with no user and no refresh token", async () => {
      const { response, body } = await token(
        { grant_type: "client_credentials", scope: "api" },
        INTEGRATION_BASIC,
      );

      expect(response.status).toBe(200);
      expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "api" });
      expect(body).not.toHaveProperty("refresh_token");
      expect(body).not.toHaveProperty("id_token");
      const claims = await verifies(body.access_token, "api");
      expect(claims).toMatchObject({ sub: INTEGRATION_CLIENT_ID, client_id: INTEGRATION_CLIENT_ID });
      expect(claims).not.toHaveProperty("UserId");

      expect((await apiCall(sandbox(), body.access_token, "/assets?count=1")).response.status).toBe(200);
      expect((await apiCall(sandbox(), body.access_token, "/users/current")).response.status).toBe(404);
    });

    it("accepts the secret in the form too, and ignores scopes it cannot grant (RFC 6749 §3.3)", async () => {
      const { response, body } = await token({
        grant_type: "client_credentials",
        scope: "openid api",
        client_id: INTEGRATION_CLIENT_ID,
        client_secret: INTEGRATION_CLIENT_SECRET,
      });

      expect(response.status).toBe(200);
      expect(body.scope).toBe("api");
      expect(body).not.toHaveProperty("id_token");
    });

    it("is refused to a public client with unauthorized_client, and to a wrong secret with invalid_client", async () => {
      const publicClient = await token({ grant_type: "client_credentials", client_id: TEST_CLIENT_ID });
      const wrongSecret = await token(
        { grant_type: "client_credentials" },
        basic(INTEGRATION_CLIENT_ID, "nope"),
      );

      expect(publicClient.body.error).toBe("unauthorized_client");
      expect(wrongSecret.response.status).toBe(401);
      expect(wrongSecret.body.error).toBe("invalid_client");
    });
  });

  describe("standard OAuth errors", () => {
    it("unknown client at the token endpoint: 401 invalid_client", async () => {
      const anonymous = await token({ grant_type: "refresh_token", refresh_token: "x", client_id: "nobody" });
      const withSecret = await token({ grant_type: "client_credentials" }, basic("nobody", "secret"));

      for (const { response, body } of [anonymous, withSecret]) {
        expect(response.status).toBe(401);
        expect(body.error).toBe("invalid_client");
      }
    });

    it("unsupported grant type: unsupported_grant_type", async () => {
      const { response, body } = await token({
        grant_type: "urn:ietf:params:oauth:grant-type:device_code",
        client_id: TEST_CLIENT_ID,
      });

      expect(response.status).toBe(400);
      expect(body.error).toBe("unsupported_grant_type");
    });

    it("unsupported scope at the authorize endpoint: back to the app with invalid_scope", async () => {
      const request = authorizationRequest(sandbox(), { scope: "openid api admin" });
      const result = await follow(new CookieJar(), request.url, request.redirectUri);

      if (!("arrivedAt" in result)) throw new Error("expected a redirect back to the app");
      expect(result.arrivedAt.searchParams.get("error")).toBe("invalid_scope");
      expect(result.arrivedAt.searchParams.get("state")).toBe(request.state);
      expect(result.arrivedAt.searchParams.has("code")).toBe(false);
    });

    it("a browser may not use the integration's secret: no CORS for it at the token endpoint", async () => {
      const response = await tokenRequest(sandbox(), {
        grant_type: "client_credentials",
        client_id: INTEGRATION_CLIENT_ID,
      });

      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });
  });
});
