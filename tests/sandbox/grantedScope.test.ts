import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  INTEGRATION_CLIENT_ID,
  INTEGRATION_CLIENT_SECRET,
} from "../../sandbox/auth/clients";
import { apiCall } from "./helpers/apiCall";
import { TEST_CLIENT_ID, signIn, tokenRequest, type TokenResponse } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const scopesOf = (scope: string | undefined) => (scope ?? "").split(" ").filter(Boolean).sort();
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/**
 * IdentityServer names every granted scope in a token response (identity scopes, `api`, `offline_access`), and so must
 * the stand-in: oidc-client-ts stores that `scope` and sends it back on each refresh, and a refresh without `openid`
 * would come back without an id_token.
 */
describe("the granted scope in token responses", () => {
  const sandbox = useSandbox();

  /** What oidc-client-ts does on a renewal: the stored user's `scope` (the last token response's) goes back as-is. */
  async function refreshAsOidcClientTs(previous: TokenResponse): Promise<Response> {
    return tokenRequest(sandbox(), {
      grant_type: "refresh_token",
      client_id: TEST_CLIENT_ID,
      refresh_token: previous.refresh_token ?? "",
      ...(previous.scope === undefined ? {} : { scope: previous.scope }),
    });
  }

  it("the code exchange names every granted scope", async () => {
    const { tokens } = await signIn(sandbox(), { scope: "openid api offline_access" });

    expect(scopesOf(tokens.scope)).toEqual(["api", "offline_access", "openid"]);
  });

  it("a refresh that sends the response's scope back, as oidc-client-ts does, gets a new id_token", async () => {
    const { tokens } = await signIn(sandbox(), { scope: "openid api offline_access" });

    const first = await refreshAsOidcClientTs(tokens);
    const renewed = (await first.json()) as TokenResponse;
    expect(first.status).toBe(200);
    expect(renewed.id_token).toEqual(expect.any(String));
    expect(scopesOf(renewed.scope)).toEqual(["api", "offline_access", "openid"]);

    // And again from the renewed response, as the next renewal does.
    const second = await refreshAsOidcClientTs(renewed);
    const again = (await second.json()) as TokenResponse;
    expect(second.status).toBe(200);
    expect(again.id_token).toEqual(expect.any(String));
    expect(decodeJwt(again.id_token ?? "").sub).toBe(decodeJwt(tokens.id_token ?? "").sub);
  });

  it("a refresh naming a subset with openid, or no scope at all, gets an id_token", async () => {
    const { tokens } = await signIn(sandbox(), { scope: "openid api offline_access" });

    const subset = await refreshAsOidcClientTs({ ...tokens, scope: "openid api" });
    const narrowed = (await subset.json()) as TokenResponse;
    expect(subset.status).toBe(200);
    expect(narrowed.id_token).toEqual(expect.any(String));
    expect(scopesOf(narrowed.scope)).toEqual(["api", "openid"]);

    const bare = await refreshAsOidcClientTs({ ...narrowed, scope: undefined });
    const renewed = (await bare.json()) as TokenResponse;
    expect(bare.status).toBe(200);
    expect(renewed.id_token).toEqual(expect.any(String));
    expect(scopesOf(renewed.scope)).toEqual(["api", "offline_access", "openid"]);
  });

  it("access tokens name every granted scope too, and the API still accepts them", async () => {
    const { tokens } = await signIn(sandbox(), { scope: "openid api offline_access" });
    const renewed = (await (await refreshAsOidcClientTs(tokens)).json()) as TokenResponse;

    for (const accessToken of [tokens.access_token, renewed.access_token]) {
      const claims = decodeJwt(accessToken);
      expect(claims.aud).toBe("api");
      expect(scopesOf(claims["scope"] as string)).toEqual(["api", "offline_access", "openid"]);
      const { response } = await apiCall(sandbox(), accessToken, "/users/current");
      expect(response.status).toBe(200);
    }
  });

  it("the password grant names what was granted, still without an id_token", async () => {
    for (const [id, secret] of [
      [CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET],
      [INTEGRATION_CLIENT_ID, INTEGRATION_CLIENT_SECRET],
    ] as const) {
      const response = await fetch(`${sandbox().authUrl}/connect/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic(id, secret) },
        body: new URLSearchParams({
          grant_type: "password",
          username: "demo",
          password: "demo",
          scope: "openid api offline_access",
        }),
      });
      const body = (await response.json()) as TokenResponse;

      expect(response.status).toBe(200);
      expect(body.id_token).toBeUndefined();
      expect(scopesOf(body.scope)).toEqual(["api", "offline_access", "openid"]);
      expect(scopesOf(decodeJwt(body.access_token)["scope"] as string)).toEqual([
        "api",
        "offline_access",
        "openid",
      ]);
    }
  });
});
