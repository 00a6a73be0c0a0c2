import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwksCache,
  jwtVerify,
  type JWKSCacheInput,
  type JWTPayload,
  type JWTVerifyGetKey,
  type RemoteJWKSet,
} from "jose";
import { IdTokenRejected } from "./IdTokenRejected";
import { messageOf } from "../../lib/messageOf";

/** Asymmetric algorithms only: a public client has no secret, so an HMAC-signed id_token proves nothing. */
export const ALLOWED_ID_TOKEN_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
] as const;

export interface IdTokenExpectations {
  /** The server's signing keys (a jose key set, e.g. from createRemoteJWKSet). */
  keys: JWTVerifyGetKey;
  issuer: string;
  clientId: string;
  /** The nonce sent with the authorization request; required for a sign-in, absent for a refresh. */
  nonce?: string;
  /**
   * The id_token this one replaces (on refresh): `iss`, `aud` and `sub` must stay the same
   * (OpenID Connect Core 12.2).
   */
  previous?: JWTPayload;
  /** Algorithms the server says it signs with; intersected with {@link ALLOWED_ID_TOKEN_ALGORITHMS}. */
  serverAlgorithms?: readonly string[];
  /** Seconds of clock difference tolerated between this browser and the server. */
  clockToleranceSeconds?: number;
  currentDate?: Date;
}

function audiences(payload: JWTPayload): string[] {
  if (typeof payload.aud === "string") return [payload.aud];
  return Array.isArray(payload.aud) ? payload.aud : [];
}

function describeJoseError(error: unknown, expected: IdTokenExpectations): IdTokenRejected {
  const options = { cause: error };
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new IdTokenRejected("bad_signature", "its signature does not match the server's keys", options);
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new IdTokenRejected(
      "unknown_key",
      "it was signed with a key the server does not publish",
      options,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new IdTokenRejected(
      "algorithm_not_allowed",
      "it is unsigned or signed with an algorithm Valet does not accept",
      options,
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new IdTokenRejected("expired", "it has expired", options);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "iss":
        return new IdTokenRejected(
          "wrong_issuer",
          `it was issued by "${String(error.payload.iss ?? "nobody")}", not by the expected issuer "${expected.issuer}"`,
          options,
        );
      case "aud":
        return new IdTokenRejected("wrong_audience", "it was not issued for this app (audience)", options);
      case "iat":
        return error.reason === "missing"
          ? new IdTokenRejected("missing_claim", "it does not say when it was issued (iat)", options)
          : new IdTokenRejected("issued_in_future", "it claims to be issued in the future", options);
      default:
        return new IdTokenRejected(
          "missing_claim",
          `its "${error.claim}" claim is ${error.reason === "missing" ? "missing" : "not valid"}`,
          options,
        );
    }
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new IdTokenRejected("malformed", "it is not a well-formed signed token", options);
  }
  return new IdTokenRejected("malformed", messageOf(error), options);
}

/**
 * True for what jose throws when the JWKS could not be fetched or read (the network, a timeout, a status other than
 * 200, a body that is no key set), as opposed to a token that fails its checks.
 */
export function isKeyFetchFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // jose throws its generic error only from the remote key set's fetch.
    (error instanceof errors.JOSEError && error.code === "ERR_JOSE_GENERIC")
  );
}

/**
 * Verifies an id_token as OpenID Connect Core 3.1.3.7 asks of a client: signature against the server's keys with
 * an allow-list of algorithms, `iss`, `aud`, `azp`, `exp`, `iat`, `nonce`, and on refresh the same identity.
 * @returns the token's claims
 * @throws IdTokenRejected saying what failed; the key set's own error when it could not be fetched
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<JWTPayload> {
  const tolerance = expected.clockToleranceSeconds ?? 60;
  const algorithms = expected.serverAlgorithms
    ? ALLOWED_ID_TOKEN_ALGORITHMS.filter((alg) => expected.serverAlgorithms?.includes(alg))
    : [...ALLOWED_ID_TOKEN_ALGORITHMS];

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, expected.keys, {
      algorithms,
      issuer: expected.issuer,
      audience: expected.clientId,
      requiredClaims: ["sub", "exp", "iat"],
      // Requiring an age makes jose insist on `iat` and refuse one from the future; a fresh sign-in is minutes old.
      maxTokenAge: "1 day",
      clockTolerance: tolerance,
      ...(expected.currentDate ? { currentDate: expected.currentDate } : {}),
    }));
  } catch (error) {
    // Keys that could not be fetched say nothing about the token: the caller may try again later.
    if (isKeyFetchFailure(error)) throw error;
    throw describeJoseError(error, expected);
  }

  const aud = audiences(payload);
  if (aud.length > 1 || payload.azp !== undefined) {
    if (payload.azp !== expected.clientId) {
      throw new IdTokenRejected(
        "wrong_authorized_party",
        "it names several audiences but not this app as its authorized party (azp)",
      );
    }
  }
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) {
    throw new IdTokenRejected("wrong_nonce", "it does not answer this sign-in request (nonce)");
  }
  if (expected.previous) {
    const before = expected.previous;
    const sameAudience = [...audiences(before)].sort().join(" ") === [...aud].sort().join(" ");
    if (payload.iss !== before.iss || payload.sub !== before.sub || !sameAudience) {
      throw new IdTokenRejected(
        "changed_identity",
        "the renewed session names a different user, issuer or audience than the one signed in",
      );
    }
  }
  return payload;
}

/**
 * The server's signing keys from its JWKS URL. jose keeps them, and fetches them again only for an unknown `kid`
 * (key rotation), at most once a second: enough to stop a loop, short enough that a rotation right after a sign-in
 * is followed. `cache` seeds and receives the fetched keys, so they outlive the page.
 */
export function createIdTokenKeys(jwksUri: string, cache: JWKSCacheInput): RemoteJWKSet {
  return createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 1_000, [jwksCache]: cache });
}

/**
 * Runs the signature check of `idToken` once with the keys `keys` already holds, for its side effects only: the
 * browser compiles jose's verification path, and `keys` imports the server's key, before the first renewal needs
 * them (issue 16). Never fetches: the check runs on `keys` itself only when a local copy of its keys holds the
 * token's key and they are fresh (jose fetches for neither then), else on the copy; the outcome is dropped.
 */
export async function rehearseVerification(idToken: string, keys: RemoteJWKSet): Promise<void> {
  const known = keys.jwks();
  if (!known) return;
  const local = createLocalJWKSet(known);
  const held = await local(decodeProtectedHeader(idToken)).then(
    () => true,
    () => false,
  );
  const options = { algorithms: [...ALLOWED_ID_TOKEN_ALGORITHMS] };
  await jwtVerify(idToken, held && keys.fresh ? keys : local, options).catch(() => undefined);
}
