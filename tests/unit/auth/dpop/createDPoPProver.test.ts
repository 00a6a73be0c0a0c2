import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { createDPoPProver } from "../../../../src/auth/dpop/createDPoPProver";

/** A key pair like oidc-client-ts's: ECDSA P-256, private key not extractable. */
function keyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
}

async function sha256(text: string): Promise<string> {
  return base64url.encode(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
  );
}

const nonceAnswer = (nonce: string) =>
  new Headers({
    "WWW-Authenticate": 'DPoP error="use_dpop_nonce", error_description="nonce"',
    "DPoP-Nonce": nonce,
  });

describe("createDPoPProver", () => {
  it("makes a proof signed by the session's key, naming the request and the token (RFC 9449 §4.2)", async () => {
    const keys = await keyPair();
    const prover = createDPoPProver(async () => keys);
    const before = Math.floor(Date.now() / 1000);
    const proof = await prover.proof(
      { method: "PATCH", url: "https://api.example.com/assets/a1?x=1#f" },
      "tok",
    );

    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt" });
    expect(protectedHeader.alg).toBe("ES256");
    expect(await calculateJwkThumbprint(protectedHeader.jwk!)).toBe(
      await calculateJwkThumbprint(await crypto.subtle.exportKey("jwk", keys.publicKey)),
    );
    expect(protectedHeader.jwk).not.toHaveProperty("d");
    expect(payload.htm).toBe("PATCH");
    expect(payload.htu).toBe("https://api.example.com/assets/a1");
    expect(payload.ath).toBe(await sha256("tok"));
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.nonce).toBeUndefined();
  });

  it("hashes any token into ath as base64url without padding, whatever characters the hash has", async () => {
    const keys = await keyPair();
    const prover = createDPoPProver(async () => keys);
    const request = { method: "GET", url: "https://api.example.com/assets" };
    const tokens = Array.from({ length: 12 }, (_, i) => `token-${i}-${"x".repeat(i * 7)}`);
    const aths: string[] = [];
    for (const token of tokens) {
      const { payload } = await jwtVerify(await prover.proof(request, token), EmbeddedJWK);
      expect(payload.ath).toBe(await sha256(token));
      aths.push(String(payload.ath));
    }
    // Hashes whose plain base64 would carry "+" or "/" were among them: the test covers the alphabet's difference.
    expect(aths.some((ath) => /[-_]/.test(ath))).toBe(true);
    expect(aths.every((ath) => /^[A-Za-z0-9_-]{43}$/.test(ath))).toBe(true);
  });

  it("never uses a jti twice", async () => {
    const keys = await keyPair();
    const prover = createDPoPProver(async () => keys);
    const request = { method: "GET", url: "https://api.example.com/assets" };
    const jtis = new Set<unknown>();
    for (let i = 0; i < 5; i += 1) {
      const { payload } = await jwtVerify(await prover.proof(request, "tok"), EmbeddedJWK);
      jtis.add(payload.jti);
    }
    expect(jtis.size).toBe(5);
  });

  it("fails when the session's key is gone, rather than sending the token without a proof", async () => {
    const prover = createDPoPProver(async () => undefined);
    await expect(prover.proof({ method: "GET", url: "https://api.example.com/x" }, "tok")).rejects.toThrow(
      /sign in again/,
    );
  });

  it("puts the nonce the API asked for into later proofs to that origin, and only that origin", async () => {
    const keys = await keyPair();
    const prover = createDPoPProver(async () => keys);
    const api = { method: "GET", url: "https://api.example.com/assets" };
    const first = await prover.proof(api, "tok");
    expect(await prover.acceptNonce(api, nonceAnswer("n-1"), first)).toBe(true);

    expect((await jwtVerify(await prover.proof(api, "tok"), EmbeddedJWK)).payload.nonce).toBe("n-1");
    const other = await prover.proof({ method: "GET", url: "https://other.example.com/x" }, "tok");
    expect((await jwtVerify(other, EmbeddedJWK)).payload.nonce).toBeUndefined();
  });

  it("says a retry cannot help when the refused proof already carried that nonce, or the 401 asked for none", async () => {
    const keys = await keyPair();
    const prover = createDPoPProver(async () => keys);
    const api = { method: "GET", url: "https://api.example.com/assets" };
    await prover.acceptNonce(api, nonceAnswer("n-1"), undefined);
    const withNonce = await prover.proof(api, "tok");
    expect(await prover.acceptNonce(api, nonceAnswer("n-1"), withNonce)).toBe(false);
    expect(
      await prover.acceptNonce(
        api,
        new Headers({ "WWW-Authenticate": 'DPoP error="invalid_token"' }),
        withNonce,
      ),
    ).toBe(false);
    expect(await prover.acceptNonce(api, new Headers({ "DPoP-Nonce": "n-2" }), withNonce)).toBe(false);
    expect(decodeProtectedHeader(withNonce).typ).toBe("dpop+jwt");
  });
});
