import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { API_AUDIENCE } from "../apiResource";
import { ApiError } from "./apiError";
import { dpopRefusal, type DPoPProofVerifier } from "./dpopProof";

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  scope?: string;
  client_id?: string;
  /** MediaValet's custom claim: what the caller may do (see users.ts). */
  Permissions?: unknown;
  /** Present on a DPoP-bound token: the thumbprint of the key it is bound to (RFC 9449 §6.1). */
  cnf?: { jkt?: unknown };
}

export interface BearerVerifierOptions {
  issuer: string;
  /** Read on every request, so a key rotated on the auth server is honoured at once. */
  jwks: () => JSONWebKeySet;
  /** Checks the proofs of DPoP-bound tokens; without it, every DPoP-bound token is refused. */
  dpop?: DPoPProofVerifier;
}

/** What a request presents: its Authorization and DPoP headers, and what a proof must name. */
export interface PresentedCredentials {
  authorization: string | undefined;
  dpop?: string | undefined;
  method?: string;
  /** The URL the client addressed (the API's origin and the request's path). */
  url?: string;
}

export type BearerVerifier = (presented: PresentedCredentials) => Promise<AccessTokenClaims>;

function unauthorized(message: string): ApiError {
  const description = message.replace(/["\\]/g, "");
  return new ApiError(401, "invalid_token", message, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/**
 * Checks the access token the way the real API does: RS256 signature against the auth server's keys, the configured
 * issuer, audience `api`, expiry. `typ: at+jwt` keeps id_tokens from being used as access tokens. A token bound to a
 * key (`cnf.jkt`) counts only as `Authorization: DPoP` with a valid proof by that key (RFC 9449 §7); sent as Bearer,
 * or with a proof by another key, it is refused.
 */
export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  return async (presented) => {
    const match = /^(Bearer|DPoP)\s+(\S+)\s*$/i.exec(presented.authorization ?? "");
    const scheme = match?.[1]?.toLowerCase();
    const token = match?.[2];
    if (!token) throw unauthorized("The request has no bearer access token.");

    let claims: AccessTokenClaims;
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(options.jwks()), {
        issuer: options.issuer,
        audience: API_AUDIENCE,
        algorithms: ["RS256"],
        typ: "at+jwt",
        requiredClaims: ["sub", "exp", "iat"],
      });
      claims = payload as AccessTokenClaims;
    } catch (error) {
      const message =
        error instanceof errors.JWTExpired ? "The access token has expired." : "The access token is invalid.";
      throw scheme === "dpop" ? dpopRefusal("invalid_token", message) : unauthorized(message);
    }

    const jkt = claims.cnf?.jkt;
    if (scheme === "bearer") {
      if (jkt !== undefined)
        throw unauthorized("The access token is DPoP-bound; send it as DPoP, with a proof.");
      return claims;
    }
    if (typeof jkt !== "string") throw dpopRefusal("invalid_token", "The access token is not DPoP-bound.");
    if (!options.dpop || presented.method === undefined || presented.url === undefined) {
      throw dpopRefusal("invalid_token", "DPoP is not accepted here.");
    }
    const thumbprint = await options.dpop.verify({
      method: presented.method,
      url: presented.url,
      proof: presented.dpop,
      accessToken: token,
    });
    if (thumbprint !== jkt) throw dpopRefusal("invalid_token", "The DPoP proof is signed by another key.");
    return claims;
  };
}
