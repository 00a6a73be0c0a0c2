import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { API_AUDIENCE } from "../apiResource";
import { ApiError } from "./apiError";

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  scope?: string;
  client_id?: string;
  /** MediaValet's custom claim: what the caller may do (see users.ts). */
  Permissions?: unknown;
}

export interface BearerVerifierOptions {
  issuer: string;
  /** Read on every request, so a key rotated on the auth server is honoured at once. */
  jwks: () => JSONWebKeySet;
}

export type BearerVerifier = (authorization: string | undefined) => Promise<AccessTokenClaims>;

function unauthorized(message: string): ApiError {
  const description = message.replace(/["\\]/g, "");
  return new ApiError(401, "invalid_token", message, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/**
 * Checks `Authorization: Bearer <JWT>` the way the real API does: RS256 signature against the auth server's keys, the
 * configured issuer, audience `api`, expiry. `typ: at+jwt` keeps id_tokens from being used as access tokens.
 */
export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    const token = match?.[1];
    if (!token) throw unauthorized("The request has no bearer access token.");

    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(options.jwks()), {
        issuer: options.issuer,
        audience: API_AUDIENCE,
        algorithms: ["RS256"],
        typ: "at+jwt",
        requiredClaims: ["sub", "exp", "iat"],
      });
      return payload as AccessTokenClaims;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized("The access token has expired.");
      throw unauthorized("The access token is invalid.");
    }
  };
}
