import { describe, expect, it } from "vitest";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  refreshGrant,
  signIn,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("refresh tokens", () => {
  const sandbox = useSandbox();

  it("rotate: each refresh returns new tokens and a new refresh token", async () => {
    const { tokens } = await signIn(sandbox());
    const response = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
    const renewed = (await response.json()) as TokenResponse;

    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    expect(renewed).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      access_token: expect.any(String),
      id_token: expect.any(String),
      refresh_token: expect.any(String),
    });
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    expect(renewed.access_token).not.toBe(tokens.access_token);
  });

  it("cannot be used twice: the old one fails with invalid_grant after rotation", async () => {
    const { tokens } = await signIn(sandbox());
    expect((await refreshGrant(sandbox(), tokens.refresh_token ?? "")).status).toBe(200);

    const reuse = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("keep renewing through several rotations", async () => {
    let { refresh_token: current } = (await signIn(sandbox())).tokens;
    for (let round = 0; round < 3; round++) {
      const response = await refreshGrant(sandbox(), current ?? "");
      expect(response.status).toBe(200);
      current = ((await response.json()) as TokenResponse).refresh_token;
    }
  });

  it("refuses an unknown refresh token in the standard OAuth error form", async () => {
    const response = await refreshGrant(sandbox(), "not-a-refresh-token");

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: expect.any(String) });
  });
});

describe("revocation", () => {
  const sandbox = useSandbox();

  function revoke(token: string, hint?: string): Promise<Response> {
    return fetch(`${sandbox().authUrl}/connect/revocation`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_APP_ORIGIN },
      body: new URLSearchParams({
        token,
        client_id: TEST_CLIENT_ID,
        ...(hint ? { token_type_hint: hint } : {}),
      }),
    });
  }

  it("answers with JSON a browser client accepts, and the refresh token stops working", async () => {
    const { tokens } = await signIn(sandbox());
    const response = await revoke(tokens.refresh_token ?? "", "refresh_token");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    expect(await response.json()).toEqual({});

    const refresh = await refreshGrant(sandbox(), tokens.refresh_token ?? "");
    expect(await refresh.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("accepts an unknown token quietly, as RFC 7009 asks", async () => {
    const response = await revoke("never-issued");

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
});
