import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type CryptoKey, type JSONWebKeySet, type JWK } from "jose";

const ALG = "RS256";

/** One RS256 key pair with its key id. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/**
 * The auth server's token-signing keys. The API verifies tokens against `publicJwks()` in-process, so rotating a key
 * here is seen by the API on its next request without any cache to flush.
 */
export interface SigningKeys {
  /** Private JWKs for oidc-provider's `jwks` configuration. */
  privateJwks(): { keys: JWK[] };
  publicJwks(): JSONWebKeySet;
  current(): SigningKey;
  /**
   * Replaces the key with a new one (a new kid). Only the new key is published afterwards, so tokens signed before
   * no longer verify: the sharpest form of rotation, which is what tests of a client's key handling need.
   */
  rotate(): Promise<void>;
}

/** A fresh RS256 key pair with a random kid; also used to sign tokens with a key nobody publishes. */
export async function generateSigningKey(kidPrefix = "sandbox"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `${kidPrefix}-${randomBytes(6).toString("hex")}`;
  const metadata = { kid, alg: ALG, use: "sig" };
  return {
    kid,
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), ...metadata },
    publicJwk: { ...(await exportJWK(publicKey)), ...metadata },
  };
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  let key = await generateSigningKey();
  return {
    privateJwks: () => ({ keys: [{ ...key.privateJwk }] }),
    publicJwks: () => ({ keys: [{ ...key.publicJwk }] }),
    current: () => key,
    async rotate() {
      key = await generateSigningKey();
    },
  };
}

/** Fresh keys for oidc-provider's signed cookies: cookies from an earlier run are simply ignored. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString("base64url")];
}
