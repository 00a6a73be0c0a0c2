// Imported statically: this module is itself loaded with the first proof (lazyDPoPProver), so jose still comes with
// it, not with the first page. Only these two names: a dynamic import of jose's index would make the bundle build its
// namespace objects too, which needs the bundler's runtime helpers in a file of their own, a hop on the way to the
// id_token check that shares jose's chunk.
import { exportJWK, SignJWT } from "jose";

/** A request a proof is made for: its method and whole URL. */
export interface ProvenRequest {
  readonly method: string;
  readonly url: string;
}

/** Makes the DPoP proofs (RFC 9449) that go with a sender-constrained access token to the API. */
export interface DPoPProver {
  /** A new proof, used once: this request's `htm` and `htu`, the token's hash `ath`, and the API's nonce if any. */
  proof(request: ProvenRequest, accessToken: string): Promise<string>;
  /**
   * Takes the nonce a 401 asked for (`WWW-Authenticate: DPoP error="use_dpop_nonce"` with `DPoP-Nonce`), for
   * later proofs to that origin. True when it is one the refused proof did not already carry, so a retry can help.
   */
  acceptNonce(request: ProvenRequest, answer: Headers, refusedProof: string | undefined): Promise<boolean>;
}

/**
 * Creates the prover over the session's key pair: the one oidc-client-ts generated for the token requests and keeps
 * in IndexedDB (non-extractable, shared by the tabs, removed with the session), so the API sees the key the tokens
 * were bound to.
 */
export function createDPoPProver(loadKeys: () => Promise<CryptoKeyPair | undefined>): DPoPProver {
  // The resource server's latest nonce, per origin (RFC 9449 §9); kept in memory, a new tab asks again.
  const nonces = new Map<string, string>();

  return {
    async proof(request, accessToken) {
      const keys = await loadKeys();
      if (!keys) throw new Error("This session's DPoP key is gone; sign in again.");
      const { kty, crv, x, y } = await exportJWK(keys.publicKey);
      const url = new URL(request.url);
      const nonce = nonces.get(url.origin);
      // htu is the target URI without query and fragment (RFC 9449 §4.2).
      const htu = `${url.origin}${url.pathname}`;
      const ath = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken)));
      return new SignJWT({ htm: request.method, htu, ath, ...(nonce ? { nonce } : {}) })
        .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: { kty, crv, x, y } })
        .setJti(crypto.randomUUID())
        .setIssuedAt()
        .sign(keys.privateKey);
    },

    async acceptNonce(request, answer, refusedProof) {
      const nonce = answer.get("DPoP-Nonce");
      if (!nonce || !/error="?use_dpop_nonce\b/i.test(answer.get("WWW-Authenticate") ?? "")) return false;
      nonces.set(new URL(request.url).origin, nonce);
      return refusedProof === undefined || nonceOf(refusedProof) !== nonce;
    },
  };
}

/** base64url without padding (RFC 4648 §5), as JOSE writes binary values. */
function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The nonce a proof carried, read without verifying it: it is Valet's own proof. */
function nonceOf(proof: string): unknown {
  try {
    const part = (proof.split(".")[1] ?? "").replaceAll("-", "+").replaceAll("_", "/");
    const payload: unknown = JSON.parse(atob(part));
    return typeof payload === "object" && payload !== null
      ? (payload as { nonce?: unknown }).nonce
      : undefined;
  } catch {
    return undefined;
  }
}
