import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startNodeRelay, type NodeRelay } from "../../relay/node";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../../sandbox/auth/clients";
import { createSandboxControl, type SandboxControl } from "../../sandbox/control/SandboxControl";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import { DEMO_USER } from "../../sandbox/users";
import { apiCall } from "../sandbox/helpers/apiCall";
import { CookieJar } from "../sandbox/helpers/cookieJar";
import {
  DEFAULT_SCOPE,
  TEST_APP_ORIGIN,
  authorizationRequest,
  authorize,
  type TokenResponse,
} from "../sandbox/helpers/oidcClient";

/**
 * The Node relay over real HTTP in front of the real sandbox, whose `valet-confidential` client refuses any token
 * request without its secret. Requests are made as Valet's page makes them: form POSTs from the app's origin,
 * carrying the client id and no secret.
 */
describe("startNodeRelay in front of the sandbox", () => {
  let sandbox: Sandbox;
  let control: SandboxControl;
  let relay: NodeRelay;

  beforeAll(async () => {
    sandbox = await startSandbox({
      appOrigins: [TEST_APP_ORIGIN],
      authPort: 0,
      apiPort: 0,
      testControls: true,
    });
    control = createSandboxControl(sandbox);
    relay = await startNodeRelay({
      tokenEndpoint: `${sandbox.authUrl}/connect/token`,
      revocationEndpoint: `${sandbox.authUrl}/connect/revocation`,
      clientId: CONFIDENTIAL_CLIENT_ID,
      clientSecret: CONFIDENTIAL_CLIENT_SECRET,
      allowedOrigins: [TEST_APP_ORIGIN],
      allowPasswordGrant: true,
      port: 0,
    });
  });
  afterAll(async () => {
    await relay?.close();
    await sandbox?.close();
  });
  beforeEach(async () => {
    await control.resetStats();
  });

  function post(path: string, params: Record<string, string>, origin = TEST_APP_ORIGIN): Promise<Response> {
    return fetch(`${relay.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams(params),
    });
  }

  async function signInThroughRelay(): Promise<TokenResponse> {
    const request = authorizationRequest(sandbox, { clientId: CONFIDENTIAL_CLIENT_ID });
    const callback = await authorize(new CookieJar(), request);
    const response = await post("/relay/token", {
      grant_type: "authorization_code",
      client_id: CONFIDENTIAL_CLIENT_ID,
      code: callback.searchParams.get("code") ?? "",
      redirect_uri: request.redirectUri,
      code_verifier: request.codeVerifier,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as TokenResponse;
  }

  it("listens on a free loopback port", () => {
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("exchanges a code for the confidential client: the sandbox gets the secret, the page never sees it", async () => {
    const tokens = await signInThroughRelay();

    expect(tokens).toMatchObject({
      access_token: expect.any(String),
      id_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: "Bearer",
    });
    expect(JSON.stringify(tokens)).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    expect((await control.stats()).codeGrants).toBe(1);
  });

  it("renews through the relay with the rotating refresh token, then revokes it", async () => {
    const tokens = await signInThroughRelay();

    const refreshed = await post("/relay/token", {
      grant_type: "refresh_token",
      client_id: CONFIDENTIAL_CLIENT_ID,
      refresh_token: tokens.refresh_token ?? "",
    });
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as TokenResponse;
    expect(renewed.refresh_token).toEqual(expect.any(String));
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);

    const revoked = await post("/relay/revocation", {
      client_id: CONFIDENTIAL_CLIENT_ID,
      token: renewed.refresh_token ?? "",
      token_type_hint: "refresh_token",
    });
    expect(revoked.status).toBe(200);
    expect(revoked.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);

    // The auth server's own refusal comes back as it was sent.
    const afterRevocation = await post("/relay/token", {
      grant_type: "refresh_token",
      client_id: CONFIDENTIAL_CLIENT_ID,
      refresh_token: renewed.refresh_token ?? "",
    });
    expect(afterRevocation.status).toBe(400);
    expect(await afterRevocation.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("signs in with the password grant through the relay: tokens, no id_token, and the API knows the person", async () => {
    const response = await post("/relay/token", {
      grant_type: "password",
      client_id: CONFIDENTIAL_CLIENT_ID,
      username: DEMO_USER.username,
      password: DEMO_USER.password,
      scope: DEFAULT_SCOPE,
    });

    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String) });
    expect(tokens.id_token).toBeUndefined();
    const { response: current } = await apiCall(sandbox, tokens.access_token, "/users/current");
    expect(current.status).toBe(200);
  });

  it("refuses client_credentials with a forged Origin, and the sandbox sees no token request", async () => {
    const response = await post("/relay/token", {
      grant_type: "client_credentials",
      client_id: CONFIDENTIAL_CLIENT_ID,
      scope: "api",
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect((await control.stats()).tokenRequests).toBe(0);
  });

  it("refuses other paths, methods, client ids and origins over HTTP, and forwards none of them", async () => {
    const refresh = { grant_type: "refresh_token", client_id: CONFIDENTIAL_CLIENT_ID, refresh_token: "x" };

    expect((await post("/relay/authorize", refresh)).status).toBe(404);
    expect((await fetch(`${relay.url}/relay/token`, { headers: { Origin: TEST_APP_ORIGIN } })).status).toBe(
      405,
    );
    expect((await post("/relay/token", { ...refresh, client_id: "sandbox-integration" })).status).toBe(400);
    expect((await post("/relay/token", refresh, "https://evil.example")).status).toBe(403);
    expect((await control.stats()).tokenRequests).toBe(0);
  });

  it("answers a preflight from the app's origin", async () => {
    const response = await fetch(`${relay.url}/relay/token`, {
      method: "OPTIONS",
      headers: { Origin: TEST_APP_ORIGIN, "Access-Control-Request-Method": "POST" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
  });

  it("cuts off a chunked body past the limit without a Content-Length to go by", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL("/relay/token", relay.url);
      const outgoing = httpRequest(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_APP_ORIGIN },
      });
      outgoing.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The relay may close the connection while the rest is still being sent.
      outgoing.on("error", (error) => (outgoing.writableEnded ? undefined : reject(error)));
      outgoing.write(`grant_type=refresh_token&client_id=${CONFIDENTIAL_CLIENT_ID}&refresh_token=`);
      outgoing.end("x".repeat(20_000));
    });

    expect(status).toBe(413);
    expect((await control.stats()).tokenRequests).toBe(0);
  });
});
