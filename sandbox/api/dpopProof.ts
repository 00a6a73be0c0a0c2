import { createHash, randomBytes } from "node:crypto";
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWK } from "jose";
import { ApiError } from "./apiError";

/** The signature algorithms the API accepts in a proof (asymmetric only, RFC 9449 §4.2); advertised in `algs`. */
export const DPOP_ALGORITHMS = ["ES256", "ES384", "PS256", "RS256", "EdDSA"];
// How old a proof may be, and how far in the future its iat may lie (clock skew), in seconds.
const MAX_AGE = 60;
const MAX_SKEW = 5;

/** The request a proof must name. */
export interface ProvenRequest {
  method: string;
  /** The URL the client addressed, as the API's own origin plus path; query and fragment are ignored. */
  url: string;
  /** The `DPoP` header, as Node gives it (several headers arrive joined by ", "). */
  proof: string | undefined;
  /** The access token the proof must be bound to (`ath`). */
  accessToken: string;
}

export interface DPoPProofVerifier {
  /** Checks the proof for this request and returns the thumbprint of its key, for the token's `cnf.jkt`. */
  verify(request: ProvenRequest): Promise<string>;
}

export interface DPoPProofOptions {
  /** Whether proofs must carry the API's current nonce (RFC 9449 §9); read per request. Off unless asked. */
  requireNonce?: () => boolean;
  now?: () => number;
}

/** A 401 with the DPoP challenge of RFC 9449 §7.1. */
export function dpopRefusal(error: string, message: string, extra: Record<string, string> = {}): ApiError {
  const description = message.replace(/["\\]/g, "");
  return new ApiError(401, error, message, {
    "WWW-Authenticate": `DPoP error="${error}", error_description="${description}", algs="${DPOP_ALGORITHMS.join(" ")}"`,
    ...extra,
  });
}

/**
 * Verifies DPoP proofs the way RFC 9449 §4.3 lists: one well-formed JWT of type `dpop+jwt`, signed by the public key
 * in its own header with an asymmetric algorithm; `htm` and `htu` naming this request; a recent `iat`; `ath` the
 * hash of the token presented with it; a `jti` not seen before within the proof's lifetime; and the nonce when one
 * is required.
 */
export function createDPoPProofVerifier(options: DPoPProofOptions = {}): DPoPProofVerifier {
  const now = options.now ?? (() => Date.now());
  // jti → when it stops mattering (a replay after that fails the iat check anyway).
  const seen = new Map<string, number>();
  const nonce = randomBytes(16).toString("base64url");

  function invalid(message: string): ApiError {
    return dpopRefusal("invalid_dpop_proof", message);
  }

  return {
    async verify(request) {
      const proof = request.proof;
      if (!proof) throw invalid("The request has no DPoP proof.");
      if (proof.includes(",")) throw invalid("The request has more than one DPoP proof.");

      let jwk: JWK | undefined;
      let payload: Record<string, unknown>;
      try {
        jwk = decodeProtectedHeader(proof).jwk;
        ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", algorithms: DPOP_ALGORITHMS }));
      } catch {
        throw invalid("The DPoP proof is not a valid dpop+jwt signed by the key in its header.");
      }
      if (!jwk || "d" in jwk || "k" in jwk) throw invalid("The DPoP proof's key is not a public key.");

      if (payload["htm"] !== request.method) throw invalid("The DPoP proof names another HTTP method.");
      if (typeof payload["htu"] !== "string" || !sameTarget(payload["htu"], request.url)) {
        throw invalid("The DPoP proof names another URL.");
      }
      const seconds = now() / 1000;
      const iat = payload["iat"];
      if (typeof iat !== "number" || iat < seconds - MAX_AGE || iat > seconds + MAX_SKEW) {
        throw invalid("The DPoP proof is too old, or from the future.");
      }
      const ath = createHash("sha256").update(request.accessToken).digest("base64url");
      if (payload["ath"] !== ath) throw invalid("The DPoP proof is not bound to this access token.");
      if (options.requireNonce?.() && payload["nonce"] !== nonce) {
        throw dpopRefusal("use_dpop_nonce", "The API requires a nonce in the DPoP proof.", {
          "DPoP-Nonce": nonce,
        });
      }

      const jti = payload["jti"];
      if (typeof jti !== "string" || jti === "") throw invalid("The DPoP proof has no jti.");
      for (const [id, until] of seen) if (until < seconds) seen.delete(id);
      if (seen.has(jti)) throw invalid("The DPoP proof was used before.");
      seen.set(jti, iat + MAX_AGE + MAX_SKEW);

      return calculateJwkThumbprint(jwk);
    },
  };
}

/** Whether a proof's `htu` names `url`: same origin and path, query and fragment ignored (RFC 9449 §4.3). */
function sameTarget(htu: string, url: string): boolean {
  try {
    const claimed = new URL(htu);
    const actual = new URL(url);
    return claimed.origin === actual.origin && claimed.pathname === actual.pathname;
  } catch {
    return false;
  }
}
