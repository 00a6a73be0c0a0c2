import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from "jose";

const ALG = "RS256";

/**
 * The auth server's token-signing keys. The API verifies tokens against `publicJwks()` in-process, so rotating a key
 * here is seen by the API on its next request without any cache to flush.
 */
export interface SigningKeys {
  /** Private JWKs for oidc-provider's `jwks` configuration. */
  privateJwks(): { keys: JWK[] };
  publicJwks(): JSONWebKeySet;
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `sandbox-${randomBytes(6).toString("hex")}`;
  const metadata = { kid, alg: ALG, use: "sig" };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), ...metadata };
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), ...metadata };
  return {
    privateJwks: () => ({ keys: [{ ...privateJwk }] }),
    publicJwks: () => ({ keys: [{ ...publicJwk }] }),
  };
}

/** Fresh keys for oidc-provider's signed cookies: cookies from an earlier run are simply ignored. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString("base64url")];
}
