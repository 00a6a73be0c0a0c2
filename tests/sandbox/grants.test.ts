import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  INTEGRATION_CLIENT_ID,
  INTEGRATION_CLIENT_SECRET,
} from "../../sandbox/auth/clients";
import { DEFAULT_LIFETIMES } from "../../sandbox/auth/provider";
import { apiCall } from "./helpers/apiCall";
import { CookieJar } from "./helpers/cookieJar";
import {
  TEST_CLIENT_ID,
  authorizationRequest,
  authorize,
  exchangeCode,
  follow,
  signIn,
  tokenRequest,
  type AuthorizationRequest,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const INTEGRATION_REDIRECT_URI = "http://127.0.0.1:8765/callback";
const DEMO_SUB = "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const INTEGRATION_BASIC = basic(INTEGRATION_CLIENT_ID, INTEGRATION_CLIENT_SECRET);
const CONFIDENTIAL_BASIC = basic(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);

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
      expect(await verifies(tokens.access_token, "api")).toMatchObject({ sub: DEMO_SUB });
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

    it("answers as MediaValet's samples show: access_token, expires_in, token_type, scope, and no id_token", async () => {
      const { response, body } = await token(password(), INTEGRATION_BASIC);

      expect(response.status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(
        ["access_token", "expires_in", "refresh_token", "scope", "token_type"].sort(),
      );
      expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
      // Every granted scope, as IdentityServer names them (PMC's sample shows "api" for a request we cannot see).
      expect(String(body.scope).split(" ").sort()).toEqual(["api", "offline_access", "openid"]);
      expect(await verifies(body.access_token, "api")).toMatchObject({ sub: DEMO_SUB, UserName: "demo" });
      expect((await apiCall(sandbox(), body.access_token, "/users/current")).body.payload).toMatchObject({
        userName: "demo",
      });
    });

    it("gives a refresh token only with offline_access", async () => {
      const { body } = await token(password({ scope: "openid api" }), INTEGRATION_BASIC);

      expect(body.access_token).toEqual(expect.any(String));
      expect(body).not.toHaveProperty("refresh_token");
      expect(body).not.toHaveProperty("id_token");
    });

    it("works for Valet's confidential client with the secret in the form or in a Basic header", async () => {
      const posted = await token(
        password({ client_id: CONFIDENTIAL_CLIENT_ID, client_secret: CONFIDENTIAL_CLIENT_SECRET }),
      );
      const basicAuth = await token(password(), CONFIDENTIAL_BASIC);

      for (const { response, body } of [posted, basicAuth]) {
        expect(response.status).toBe(200);
        expect(body).not.toHaveProperty("id_token");
        expect(await verifies(body.access_token, "api")).toMatchObject({
          sub: DEMO_SUB,
          client_id: CONFIDENTIAL_CLIENT_ID,
        });
      }
    });

    it("refreshes the confidential client's password session with the secret, rotating the token", async () => {
      const { body } = await token(password(), CONFIDENTIAL_BASIC);
      const refreshed = await token({
        grant_type: "refresh_token",
        refresh_token: body.refresh_token ?? "",
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });

      expect(refreshed.response.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(body.refresh_token);
      expect(await verifies(refreshed.body.access_token, "api")).toMatchObject({ sub: DEMO_SUB });
    });

    it("refuses a client that does not authenticate: no public client may use it", async () => {
      const valet = await token(password({ client_id: TEST_CLIENT_ID }));
      const noSecret = await token(password({ client_id: CONFIDENTIAL_CLIENT_ID }));
      const wrongSecret = await token(password(), basic(CONFIDENTIAL_CLIENT_ID, "nope"));

      expect(valet.response.status).toBe(400);
      expect(valet.body.error).toBe("unauthorized_client");
      for (const { response, body } of [noSecret, wrongSecret]) {
        expect(response.status).toBe(401);
        expect(body.error).toBe("invalid_client");
      }
    });

    it("has no public password client any more: valet-password is unknown", async () => {
      const { response, body } = await token(password({ client_id: "valet-password" }));

      expect(response.status).toBe(401);
      expect(body.error).toBe("invalid_client");
    });

    it("refuses a wrong password with invalid_grant", async () => {
      const { response, body } = await token(password({ password: "nope" }), CONFIDENTIAL_BASIC);

      expect(response.status).toBe(400);
      expect(body).toEqual({ error: "invalid_grant", error_description: "Wrong username or password." });
    });

    it("refuses a locked account with invalid_grant, saying it is locked", async () => {
      const { response, body } = await token(
        password({ username: "locked", password: "locked" }),
        CONFIDENTIAL_BASIC,
      );

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_grant");
      expect(body.error_description).toMatch(/locked/i);
    });

    it("refuses a request without a username with invalid_request", async () => {
      const { response, body } = await token(
        { grant_type: "password", password: "demo" },
        CONFIDENTIAL_BASIC,
      );

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_request");
    });

    it("refuses a scope the server does not have with invalid_scope", async () => {
      const { response, body } = await token(password({ scope: "openid api admin" }), CONFIDENTIAL_BASIC);

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_scope");
    });
  });

  describe("Valet's confidential client (through the token relay)", () => {
    /** The browser's part: the same authorize request as the public client, PKCE included. */
    async function confidentialCode() {
      const request = authorizationRequest(sandbox(), { clientId: CONFIDENTIAL_CLIENT_ID });
      const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
      return { request, code };
    }

    const exchange = (request: AuthorizationRequest, code: string, extra: Record<string, string> = {}) => ({
      grant_type: "authorization_code",
      code,
      redirect_uri: request.redirectUri,
      code_verifier: request.codeVerifier,
      ...extra,
    });

    it("exchanges a PKCE code with the secret in the form (client_secret_post), then refreshes", async () => {
      const { request, code } = await confidentialCode();
      const { response, body } = await token(
        exchange(request, code, {
          client_id: CONFIDENTIAL_CLIENT_ID,
          client_secret: CONFIDENTIAL_CLIENT_SECRET,
        }),
      );

      expect(response.status).toBe(200);
      expect(await verifies(body.id_token ?? "", CONFIDENTIAL_CLIENT_ID)).toMatchObject({
        sub: DEMO_SUB,
        nonce: request.nonce,
      });
      const refreshed = await token({
        grant_type: "refresh_token",
        refresh_token: body.refresh_token ?? "",
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });
      expect(refreshed.response.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(body.refresh_token);
    });

    it("accepts the secret in a Basic header too (client_secret_basic), as IdentityServer does", async () => {
      const { request, code } = await confidentialCode();
      const { response } = await token(exchange(request, code), CONFIDENTIAL_BASIC);

      expect(response.status).toBe(200);
    });

    it("still checks PKCE when the code was issued with a challenge", async () => {
      const { request, code } = await confidentialCode();
      const { response, body } = await token(
        exchange(request, code, { code_verifier: "a".repeat(43) }),
        CONFIDENTIAL_BASIC,
      );

      expect(response.status).toBe(400);
      expect(body.error).toBe("invalid_grant");
    });

    it("refuses the code exchange and the refresh without the secret, or with a wrong one", async () => {
      const { request, code } = await confidentialCode();
      const missing = await token(exchange(request, code, { client_id: CONFIDENTIAL_CLIENT_ID }));
      const wrong = await token(
        exchange(request, code, { client_id: CONFIDENTIAL_CLIENT_ID, client_secret: "nope" }),
      );
      const refresh = await token({
        grant_type: "refresh_token",
        refresh_token: "anything",
        client_id: CONFIDENTIAL_CLIENT_ID,
      });

      for (const { response, body } of [missing, wrong, refresh]) {
        expect(response.status).toBe(401);
        expect(body.error).toBe("invalid_client");
      }
    });

    it("revokes only with the secret", async () => {
      const { request, code } = await confidentialCode();
      const { body } = await token(exchange(request, code), CONFIDENTIAL_BASIC);
      const revoke = (params: Record<string, string>) =>
        fetch(`${sandbox().authUrl}/connect/revocation`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            token: body.refresh_token ?? "",
            token_type_hint: "refresh_token",
            ...params,
          }),
        });

      const anonymous = await revoke({ client_id: CONFIDENTIAL_CLIENT_ID });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: "invalid_client" });
      const stillValid = await token({
        grant_type: "refresh_token",
        refresh_token: body.refresh_token ?? "",
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });
      expect(stillValid.response.status).toBe(200);

      const signed = await fetch(`${sandbox().authUrl}/connect/revocation`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          token: stillValid.body.refresh_token ?? "",
          client_id: CONFIDENTIAL_CLIENT_ID,
          client_secret: CONFIDENTIAL_CLIENT_SECRET,
        }),
      });
      expect(signed.status).toBe(200);
      const afterRevocation = await token({
        grant_type: "refresh_token",
        refresh_token: stillValid.body.refresh_token ?? "",
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });
      expect(afterRevocation.body.error).toBe("invalid_grant");
    });

    it("gives browsers no CORS: a token request from the app's origin is refused", async () => {
      const { request, code } = await confidentialCode();
      const response = await tokenRequest(
        sandbox(),
        exchange(request, code, {
          client_id: CONFIDENTIAL_CLIENT_ID,
          client_secret: CONFIDENTIAL_CLIENT_SECRET,
        }),
      );

      expect(response.status).toBe(400);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("sends codes only to Valet's registered callback", async () => {
      const request = authorizationRequest(sandbox(), {
        clientId: CONFIDENTIAL_CLIENT_ID,
        redirectUri: "http://127.0.0.1:6666/callback",
      });
      const result = await follow(new CookieJar(), request.url, request.redirectUri);

      if (!("page" in result)) throw new Error(`expected an error page, went to ${result.arrivedAt.href}`);
      expect(result.page.status).toBe(400);
    });

    it("leaves Valet's public client as it was: PKCE code flow with CORS, no password grant", async () => {
      const { tokens } = await signIn(sandbox());
      const password = await tokenRequest(sandbox(), {
        grant_type: "password",
        client_id: TEST_CLIENT_ID,
        username: "demo",
        password: "demo",
      });

      expect(tokens.id_token).toEqual(expect.any(String));
      expect(password.status).toBe(400);
      expect(await password.json()).toMatchObject({ error: "unauthorized_client" });
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
