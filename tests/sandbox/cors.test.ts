import { describe, expect, it } from "vitest";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../../sandbox/auth/clients";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  apiHeaders,
  refreshGrant,
  signIn,
  tokenRequest,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

function preflight(url: string, origin: string, method = "GET"): Promise<Response> {
  return fetch(url, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": method,
      "Access-Control-Request-Headers": "authorization,ocp-apim-subscription-key,x-mv-api-version",
    },
  });
}

describe("CORS on the API", () => {
  const sandbox = useSandbox();

  it("answers a preflight from the app's origin", async () => {
    const response = await preflight(`${sandbox().apiUrl}/assets`, TEST_APP_ORIGIN);

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const header of ["authorization", "ocp-apim-subscription-key", "x-mv-api-version", "content-type"]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get("access-control-allow-methods")).toMatch(/GET.*POST.*PATCH.*DELETE/);
  });

  it("gives another origin no CORS headers", async () => {
    const response = await preflight(`${sandbox().apiUrl}/assets`, "http://evil.example");

    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the app read error responses and their WWW-Authenticate and Retry-After headers", async () => {
    const response = await fetch(`${sandbox().apiUrl}/assets`, {
      headers: { ...apiHeaders(sandbox()), Origin: TEST_APP_ORIGIN },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toMatch(/Retry-After.*WWW-Authenticate/);
  });
});

describe("CORS on the auth server", () => {
  const sandbox = useSandbox();
  const OTHER_ORIGIN = "http://evil.example";
  const url = (path: string): string => new URL(path, sandbox().authUrl).href;
  const allowOrigin = (response: Response): string | null =>
    response.headers.get("access-control-allow-origin");

  const PREFLIGHTS = [
    { name: "discovery", path: "/.well-known/openid-configuration", method: "GET" },
    { name: "the JWKS", path: "/.well-known/openid-configuration/jwks", method: "GET" },
    { name: "the token endpoint", path: "/connect/token", method: "POST" },
    { name: "the revocation endpoint", path: "/connect/revocation", method: "POST" },
    { name: "the userinfo endpoint", path: "/connect/userinfo", method: "GET" },
  ];

  describe.each(PREFLIGHTS)("a preflight for $name", ({ path, method }) => {
    it("is answered for the app's origin", async () => {
      const response = await preflight(url(path), TEST_APP_ORIGIN, method);

      expect(response.status).toBe(204);
      expect(allowOrigin(response)).toBe(TEST_APP_ORIGIN);
      expect(response.headers.get("access-control-allow-methods")).toContain(method);
    });

    it("gives another origin no CORS headers", async () => {
      const response = await preflight(url(path), OTHER_ORIGIN, method);

      expect(allowOrigin(response)).toBeNull();
      expect(response.headers.get("access-control-allow-methods")).toBeNull();
      expect(response.headers.get("access-control-allow-headers")).toBeNull();
    });
  });

  describe.each([
    { name: "discovery", path: "/.well-known/openid-configuration" },
    { name: "the JWKS", path: "/.well-known/openid-configuration/jwks" },
  ])("$name", ({ path }) => {
    it("lets the app's origin read it", async () => {
      const response = await fetch(url(path), { headers: { Origin: TEST_APP_ORIGIN } });

      expect(response.status).toBe(200);
      expect(allowOrigin(response)).toBe(TEST_APP_ORIGIN);
    });

    it("carries no CORS headers for another origin", async () => {
      const response = await fetch(url(path), { headers: { Origin: OTHER_ORIGIN } });

      expect(response.status).toBe(200);
      expect(allowOrigin(response)).toBeNull();
    });

    it("carries no CORS headers without an Origin", async () => {
      const response = await fetch(url(path));

      expect(allowOrigin(response)).toBeNull();
    });
  });

  describe("the token, userinfo and revocation endpoints", () => {
    it("let the app's origin read their answers", async () => {
      const { tokens } = await signIn(sandbox());
      const refreshed = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
      const userinfo = await fetch(url("/connect/userinfo"), {
        headers: { Origin: TEST_APP_ORIGIN, Authorization: `Bearer ${tokens.access_token}` },
      });
      const revoked = await revoke(TEST_APP_ORIGIN, tokens.refresh_token ?? "");

      expect(refreshed.status).toBe(200);
      expect(allowOrigin(refreshed)).toBe(TEST_APP_ORIGIN);
      expect(allowOrigin(userinfo)).toBe(TEST_APP_ORIGIN);
      expect(revoked.status).toBe(200);
      expect(allowOrigin(revoked)).toBe(TEST_APP_ORIGIN);
    });

    it("give another origin no CORS headers", async () => {
      const { tokens } = await signIn(sandbox());
      const refreshed = await tokenRequest(
        sandbox(),
        { grant_type: "refresh_token", client_id: TEST_CLIENT_ID, refresh_token: tokens.refresh_token ?? "" },
        OTHER_ORIGIN,
      );
      const userinfo = await fetch(url("/connect/userinfo"), {
        headers: { Origin: OTHER_ORIGIN, Authorization: `Bearer ${tokens.access_token}` },
      });
      const revoked = await revoke(OTHER_ORIGIN, tokens.refresh_token ?? "");

      expect(allowOrigin(refreshed)).toBeNull();
      expect(allowOrigin(userinfo)).toBeNull();
      expect(allowOrigin(revoked)).toBeNull();
    });
  });

  it("refuses the confidential client's token request from the app's origin, without CORS headers", async () => {
    const response = await tokenRequest(sandbox(), {
      grant_type: "password",
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
      username: "demo",
      password: "demo",
      scope: "api",
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error?: string }).error).toBe("invalid_request");
    expect(allowOrigin(response)).toBeNull();
  });

  function revoke(origin: string, token: string): Promise<Response> {
    return fetch(url("/connect/revocation"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ client_id: TEST_CLIENT_ID, token, token_type_hint: "refresh_token" }),
    });
  }
});
