import { setTimeout as delay } from "node:timers/promises";
import { decodeJwt } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import {
  INTEGRATION_CLIENT_ID,
  INTEGRATION_CLIENT_SECRET,
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
} from "../../sandbox/auth/clients";
import { SandboxControlError, createSandboxControl } from "../../sandbox/control/SandboxControl";
import { createControlState } from "../../sandbox/control/controlState";
import { handleControlRequest } from "../../sandbox/control/controlRoute";
import { apiCall } from "./helpers/apiCall";
import { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  apiHeaders,
  authorizationRequest,
  authorize,
  exchangeCode,
  refreshGrant,
  signIn,
  tokenRequest,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("test controls are absent unless asked for", () => {
  const sandbox = useSandbox();

  it("has no control route, and the client says how to get one", async () => {
    const response = await fetch(`${sandbox().authUrl}/__sandbox/stats`);
    expect(response.status).toBe(404);
    expect(sandbox().testControls).toBe(false);

    const control = createSandboxControl(sandbox());
    await expect(control.failApi({ status: 500, count: 1 })).rejects.toThrow(/testControls: true/);
  });
});

describe("the control route", () => {
  it("answers loopback callers only, even on a sandbox allowed to listen elsewhere", () => {
    const req = Object.assign(Readable.from([]), {
      url: "/__sandbox/reset",
      method: "POST",
      socket: { remoteAddress: "192.168.1.20" },
    }) as unknown as IncomingMessage;
    const sent: { status?: number; body?: string } = {};
    const res = {
      writeHead(status: number) {
        sent.status = status;
        return this;
      },
      end(body: string) {
        sent.body = body;
      },
    } as unknown as ServerResponse;
    const state = createControlState({ accessToken: 3600, refreshToken: 60, code: 60, idToken: 60 });
    state.setLifetimes({ accessToken: 5 });

    const handled = handleControlRequest(req, res, {
      secret: "a-secret-of-this-run",
      state,
      rotateKeys: async () => {},
      revokeRefreshTokens: () => true,
      log: () => {},
    });

    expect(handled).toBe(true);
    expect(sent.status).toBe(403);
    expect(JSON.parse(sent.body ?? "")).toMatchObject({ error: "access_denied" });
    expect(state.lifetimes().accessToken).toBe(5);
  });
});

describe("test controls", () => {
  const sandbox = useSandbox({ testControls: true });
  const control = () => createSandboxControl(sandbox());

  describe("are driven only with this run's secret", () => {
    it("refuses a command without the secret, or with a wrong one, and changes nothing", async () => {
      await control().resetStats();
      await control().setLifetimes({ accessToken: 77 });
      const attempts: Record<string, string>[] = [
        {},
        { "X-Sandbox-Control": "guessed-secret-guessed-secret" },
      ];
      for (const headers of attempts) {
        const response = await fetch(`${sandbox().authUrl}/__sandbox/reset`, { method: "POST", headers });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: "access_denied" });
        const stats = await fetch(`${sandbox().authUrl}/__sandbox/stats`, { headers });
        expect(stats.status).toBe(403);
      }
      // The lifetimes set above survived both attempts to reset them.
      const { tokens } = await signIn(sandbox());
      const payload = decodeJwt(tokens.access_token);
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(77);
      await control().reset();
    });

    it("has a long random secret, which the client sends: a client with another one is refused", async () => {
      expect(sandbox().controlSecret).toMatch(/^[\w-]{32,}$/);
      const wrong = createSandboxControl({ ...sandbox(), controlSecret: `${sandbox().controlSecret}x` });
      await expect(wrong.stats()).rejects.toThrow(/secret/);
      await expect(control().stats()).resolves.toHaveProperty("tokenRequests");
    });

    it("fails a web page's CORS preflight for the secret header: no page can drive the controls", async () => {
      for (const origin of [TEST_APP_ORIGIN, "https://evil.example"]) {
        const preflight = await fetch(`${sandbox().authUrl}/__sandbox/reset`, {
          method: "OPTIONS",
          headers: {
            Origin: origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-sandbox-control",
          },
        });
        expect(preflight.ok).toBe(false);
        expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
        expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
      }
    });

    it("refuses a simple cross-origin POST a page can send without a preflight", async () => {
      const response = await fetch(`${sandbox().authUrl}/__sandbox/faults/api`, {
        method: "POST",
        headers: { Origin: "https://evil.example", "Content-Type": "text/plain" },
        body: JSON.stringify({ status: 500, count: 1 }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });
  });

  afterEach(async () => {
    await control().reset();
  });

  describe("lifetimes", () => {
    it("set the access token and id_token lifetimes of tokens issued afterwards", async () => {
      await control().setLifetimes({ accessToken: 120, idToken: 90 });
      const { tokens } = await signIn(sandbox());
      const access = decodeJwt(tokens.access_token);
      const id = decodeJwt(tokens.id_token ?? "");

      expect(tokens.expires_in).toBe(120);
      expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(120);
      expect((id.exp ?? 0) - (id.iat ?? 0)).toBe(90);
    });

    it("expire codes and refresh tokens after the set number of seconds (a late code gets invalid_grant)", async () => {
      await control().setLifetimes({ code: 1, refreshToken: 1 });
      const request = authorizationRequest(sandbox());
      const code = (await authorize(new CookieJar(), request)).searchParams.get("code") ?? "";
      const { tokens } = await signIn(sandbox());
      await delay(1100);

      const late = await exchangeCode(sandbox(), request, code);
      expect(late.status).toBe(400);
      expect(await late.json()).toMatchObject({ error: "invalid_grant" });
      const refresh = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      expect(await refresh.json()).toMatchObject({ error: "invalid_grant" });
    });

    it("go back to the defaults on reset", async () => {
      await control().setLifetimes({ accessToken: 5 });
      await control().reset();

      expect((await signIn(sandbox())).tokens.expires_in).toBe(3600);
    });

    it("refuses a lifetime that is not a positive whole number", async () => {
      await expect(control().setLifetimes({ accessToken: 0 })).rejects.toBeInstanceOf(SandboxControlError);
      await expect(control().setLifetimes({ code: 1.5 })).rejects.toThrow(/whole number/);
    });
  });

  describe("token endpoint faults", () => {
    it("fail the next N token requests with a 500 the app's origin can read, then recover", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failTokenEndpoint({ mode: "error", count: 2 });

      for (let attempt = 0; attempt < 2; attempt++) {
        const failed = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
        expect(failed.status).toBe(500);
        expect(failed.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
        expect(await failed.json()).toMatchObject({ error: "server_error" });
      }
      // The failed requests never reached oidc-provider: the refresh token is still unused.
      expect((await refreshGrant(sandbox(), tokens.refresh_token ?? "")).status).toBe(200);
    });

    it("drop the connection", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failTokenEndpoint({ mode: "drop", count: 1 });

      await expect(refreshGrant(sandbox(), tokens.refresh_token ?? "")).rejects.toThrow();
      expect((await refreshGrant(sandbox(), tokens.refresh_token ?? "")).status).toBe(200);
    });

    it("answer slowly, then normally", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failTokenEndpoint({ mode: "slow", count: 1, delayMs: 400 });

      const started = Date.now();
      const slow = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      expect(slow.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    });
  });

  describe("API faults", () => {
    it("answer the next N calls with 401 invalid_token, then recover", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failApi({ status: 401, count: 2 });

      for (let attempt = 0; attempt < 2; attempt++) {
        const { response, body } = await apiCall(sandbox(), tokens.access_token, "/users/current");
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
        expect(body.errors[0]?.code).toBe("invalid_token");
      }
      expect((await apiCall(sandbox(), tokens.access_token, "/users/current")).response.status).toBe(200);
    });

    it("throttle with 429 and Retry-After, as the gateway does", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failApi({ status: 429, count: 1, retryAfterSeconds: 7 });

      const response = await fetch(`${sandbox().apiUrl}/assets`, {
        headers: { ...apiHeaders(sandbox(), tokens.access_token), Origin: TEST_APP_ORIGIN },
      });
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
      expect(await response.json()).toEqual({
        statusCode: 429,
        message: expect.stringContaining("7 seconds"),
      });
    });

    it("fail with 500 in the envelope; media and preflights do not use up the fault", async () => {
      const { tokens } = await signIn(sandbox());
      const asset = (
        await apiCall<{ assets: { media: { thumb: string } }[] }>(
          sandbox(),
          tokens.access_token,
          "/assets?count=1",
        )
      ).body.payload.assets[0];
      await control().failApi({ status: 500, count: 1 });

      expect((await fetch(asset?.media.thumb ?? "")).status).toBe(200);
      const preflight = await fetch(`${sandbox().apiUrl}/assets`, {
        method: "OPTIONS",
        headers: { Origin: TEST_APP_ORIGIN, "Access-Control-Request-Method": "GET" },
      });
      expect(preflight.status).toBe(204);
      const { response, body } = await apiCall(sandbox(), tokens.access_token, "/assets");
      expect(response.status).toBe(500);
      expect(body).toMatchObject({ payload: null, errors: [{ code: "server_error" }] });
    });

    it("fail only requests for their path when one is given; others pass and do not use them up", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failApi({ status: 500, count: 1, path: "/users/current" });

      expect((await apiCall(sandbox(), tokens.access_token, "/assets?count=1")).response.status).toBe(200);
      expect((await apiCall(sandbox(), tokens.access_token, "/users/current")).response.status).toBe(500);
      expect((await apiCall(sandbox(), tokens.access_token, "/users/current")).response.status).toBe(200);
    });

    it("are disarmed by reset", async () => {
      const { tokens } = await signIn(sandbox());
      await control().failApi({ status: 500, count: 5 });
      await control().reset();

      expect((await apiCall(sandbox(), tokens.access_token, "/assets?count=1")).response.status).toBe(200);
    });
  });

  describe("refresh tokens", () => {
    it("reusing a rotated one is refused, revokes the whole family, and is counted", async () => {
      const { tokens } = await signIn(sandbox());
      const first = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      const rotated = ((await first.json()) as TokenResponse).refresh_token ?? "";
      await control().resetStats();

      const reuse = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      expect(reuse.status).toBe(400);
      expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });
      const successor = await refreshGrant(sandbox(), rotated);
      expect(await successor.json()).toMatchObject({ error: "invalid_grant" });
      expect(await control().stats()).toMatchObject({ refreshGrants: 2, refreshReuse: 1, tokenRequests: 2 });
    });

    it("revokes every refresh token of one user, and no one else's", async () => {
      const demoA = (await signIn(sandbox())).tokens.refresh_token ?? "";
      const demoB = (await signIn(sandbox())).tokens.refresh_token ?? "";
      const alex = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
        .refresh_token;

      await control().revokeRefreshTokens("demo");

      for (const token of [demoA, demoB]) {
        expect(await (await refreshGrant(sandbox(), token)).json()).toMatchObject({ error: "invalid_grant" });
      }
      expect((await refreshGrant(sandbox(), alex ?? "")).status).toBe(200);
      await expect(control().revokeRefreshTokens("nobody")).rejects.toThrow(/username/);
    });
  });

  describe("stats", () => {
    it("count what arrived at each endpoint, and reset to zero", async () => {
      await control().resetStats();
      const { tokens, jar } = await signIn(sandbox());
      await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      await fetch(`${sandbox().authUrl}/.well-known/openid-configuration`);
      await fetch(`${sandbox().authUrl}/.well-known/openid-configuration/jwks`);
      await fetch(`${sandbox().authUrl}/connect/userinfo`, { headers: { Authorization: "Bearer x" } });
      await fetch(`${sandbox().authUrl}/connect/revocation`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: "x", client_id: "valet" }),
      });
      await fetch(`${sandbox().authUrl}/connect/endsession`, { headers: { Cookie: jar.header() ?? "" } });
      await apiCall(sandbox(), tokens.access_token, "/users/current");
      await apiCall(sandbox(), tokens.access_token, "/assets?count=1");
      await tokenRequest(
        sandbox(),
        {
          grant_type: "password",
          client_id: CONFIDENTIAL_CLIENT_ID,
          client_secret: CONFIDENTIAL_CLIENT_SECRET,
          username: "demo",
          password: "demo",
        },
        undefined,
      );
      await tokenRequest(
        sandbox(),
        {
          grant_type: "client_credentials",
          client_id: INTEGRATION_CLIENT_ID,
          client_secret: INTEGRATION_CLIENT_SECRET,
        },
        undefined,
      );

      expect(await control().stats()).toEqual({
        tokenRequests: 4,
        codeGrants: 1,
        refreshGrants: 1,
        refreshReuse: 0,
        passwordGrants: 1,
        clientCredentialsGrants: 1,
        revocations: 1,
        endSessions: 1,
        apiRequests: 2,
        bulkRequests: 0,
        bulkParts: 0,
        downloadsRecorded: 0,
        discoveryRequests: 1,
        jwksRequests: 1,
        userinfoRequests: 1,
      });
      await control().resetStats();
      expect(Object.values(await control().stats()).every((count) => count === 0)).toBe(true);
    });
  });
});
