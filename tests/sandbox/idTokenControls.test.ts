import {
  compactVerify,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
} from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { createSandboxControl, type BadIdToken } from "../../sandbox/control/SandboxControl";
import { apiCall } from "./helpers/apiCall";
import {
  TEST_CLIENT_ID,
  authorizationRequest,
  follow,
  refreshGrant,
  signIn,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const DEMO_SUB = "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21";

describe("bad id_tokens and key rotation", () => {
  const sandbox = useSandbox({ testControls: true });
  const control = () => createSandboxControl(sandbox());

  afterEach(async () => {
    await control().reset();
  });

  async function jwks(): Promise<JSONWebKeySet> {
    return (await (
      await fetch(`${sandbox().authUrl}/.well-known/openid-configuration/jwks`)
    ).json()) as JSONWebKeySet;
  }

  /** Verifies the signature only: proves the claims were signed by the sandbox's published key. */
  async function signatureHolds(token: string): Promise<boolean> {
    try {
      await compactVerify(token, createLocalJWKSet(await jwks()));
      return true;
    } catch {
      return false;
    }
  }

  async function badSignIn(kind: BadIdToken) {
    await control().badIdToken(kind);
    const { tokens, request } = await signIn(sandbox());
    return { idToken: tokens.id_token ?? "", nonce: request.nonce, accessToken: tokens.access_token };
  }

  it("leaves id_tokens alone until armed", async () => {
    const { tokens, request } = await signIn(sandbox());

    await expect(
      jwtVerify(tokens.id_token ?? "", createLocalJWKSet(await jwks()), {
        issuer: sandbox().issuer,
        audience: TEST_CLIENT_ID,
      }),
    ).resolves.toMatchObject({ payload: { nonce: request.nonce } });
  });

  it.each([
    ["wrong-iss", (claims: Record<string, unknown>) => expect(claims["iss"]).not.toBe(sandbox().issuer)],
    ["wrong-aud", (claims: Record<string, unknown>) => expect(claims["aud"]).not.toBe(TEST_CLIENT_ID)],
    ["missing-aud", (claims: Record<string, unknown>) => expect(claims).not.toHaveProperty("aud")],
    ["missing-iat", (claims: Record<string, unknown>) => expect(claims).not.toHaveProperty("iat")],
    [
      "expired",
      (claims: Record<string, unknown>) => expect(Number(claims["exp"])).toBeLessThan(Date.now() / 1000 - 60),
    ],
  ] as const)("%s: only that claim is wrong, and the sandbox's key signed it", async (kind, check) => {
    const { idToken } = await badSignIn(kind);
    const claims = decodeJwt(idToken);

    expect(await signatureHolds(idToken)).toBe(true);
    check(claims);
    expect(claims).toMatchObject({ sub: DEMO_SUB, name: "Dana Demo" });
    if (kind !== "wrong-iss") expect(claims.iss).toBe(sandbox().issuer);
    if (kind !== "wrong-aud" && kind !== "missing-aud") expect(claims.aud).toBe(TEST_CLIENT_ID);
  });

  it("wrong-nonce: a signed token whose nonce is not the request's", async () => {
    const { idToken, nonce } = await badSignIn("wrong-nonce");

    expect(await signatureHolds(idToken)).toBe(true);
    expect(decodeJwt(idToken).nonce).toEqual(expect.any(String));
    expect(decodeJwt(idToken).nonce).not.toBe(nonce);
  });

  it("bad-signature: the published kid, the right claims, a signature that does not verify", async () => {
    const { idToken, nonce } = await badSignIn("bad-signature");
    const published = (await jwks()).keys.map((key) => key.kid);

    expect(published).toContain(decodeProtectedHeader(idToken).kid);
    expect(decodeJwt(idToken)).toMatchObject({ nonce, iss: sandbox().issuer, aud: TEST_CLIENT_ID });
    expect(await signatureHolds(idToken)).toBe(false);
  });

  it("alg-none: an unsigned token", async () => {
    const { idToken, nonce } = await badSignIn("alg-none");

    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: "none" });
    expect(idToken.endsWith(".")).toBe(true);
    expect(decodeJwt(idToken)).toMatchObject({ nonce, sub: DEMO_SUB });
  });

  it("unknown-kid: signed by a key the JWKS does not list, even when fetched again afterwards", async () => {
    const { idToken, nonce } = await badSignIn("unknown-kid");
    const kid = decodeProtectedHeader(idToken).kid;

    expect(kid).toEqual(expect.any(String));
    expect((await jwks()).keys.map((key) => key.kid)).not.toContain(kid);
    expect(await signatureHolds(idToken)).toBe(false);
    expect(decodeJwt(idToken)).toMatchObject({ nonce, iss: sandbox().issuer });
  });

  it("spoils the next N id_tokens, from refresh grants too, then issues good ones; access tokens stay good", async () => {
    const { tokens } = await signIn(sandbox());
    await control().badIdToken("wrong-iss", 2);

    const refreshed = (await (
      await refreshGrant(sandbox(), tokens.refresh_token ?? "")
    ).json()) as TokenResponse;
    const second = await signIn(sandbox());
    const third = await signIn(sandbox());

    expect(decodeJwt(refreshed.id_token ?? "").iss).not.toBe(sandbox().issuer);
    expect(decodeJwt(second.tokens.id_token ?? "").iss).not.toBe(sandbox().issuer);
    expect(decodeJwt(third.tokens.id_token ?? "").iss).toBe(sandbox().issuer);
    expect((await apiCall(sandbox(), second.tokens.access_token, "/users/current")).response.status).toBe(
      200,
    );
  });

  it("refuses an unknown kind", async () => {
    await expect(control().badIdToken("wrong-everything" as BadIdToken)).rejects.toThrow(
      /kind must be one of/,
    );
  });

  describe("rotateKeys", () => {
    it("signs with a new kid, publishes only the new key, and the API refuses tokens signed before", async () => {
      const before = await signIn(sandbox());
      const oldKid = decodeProtectedHeader(before.tokens.id_token ?? "").kid;

      await control().rotateKeys();

      const keys = await jwks();
      expect(keys.keys).toHaveLength(1);
      expect(keys.keys[0]?.kid).not.toBe(oldKid);
      const after = await signIn(sandbox());
      expect(decodeProtectedHeader(after.tokens.id_token ?? "").kid).toBe(keys.keys[0]?.kid);
      // A client holding the old JWKS finds no key for this kid, re-fetches, and then verifies the token.
      await expect(
        jwtVerify(after.tokens.id_token ?? "", createLocalJWKSet(keys), { issuer: sandbox().issuer }),
      ).resolves.toBeDefined();
      expect((await apiCall(sandbox(), before.tokens.access_token, "/users/current")).response.status).toBe(
        401,
      );
      expect((await apiCall(sandbox(), after.tokens.access_token, "/users/current")).response.status).toBe(
        200,
      );
    });

    it("keeps sessions and refresh tokens from before the rotation", async () => {
      const before = await signIn(sandbox());
      await control().rotateKeys();

      const refreshed = await refreshGrant(sandbox(), before.tokens.refresh_token ?? "");
      expect(refreshed.status).toBe(200);
      const again = authorizationRequest(sandbox());
      const result = await follow(before.jar, again.url, again.redirectUri);
      expect("arrivedAt" in result && result.arrivedAt.searchParams.has("code")).toBe(true);
    });
  });
});
