/**
 * The vocabulary of the sandbox's test controls, shared by the server side and the typed client. Kept free of Node
 * imports so that browser-side test code may import it too.
 */

/** The one way in which an id_token is made wrong; everything else about it stays correct. */
export type BadIdToken =
  | "wrong-iss"
  | "wrong-aud"
  | "missing-aud"
  | "wrong-nonce"
  | "missing-iat"
  | "expired"
  | "bad-signature"
  | "alg-none"
  | "unknown-kid";

export const BAD_ID_TOKENS: readonly BadIdToken[] = [
  "wrong-iss",
  "wrong-aud",
  "missing-aud",
  "wrong-nonce",
  "missing-iat",
  "expired",
  "bad-signature",
  "alg-none",
  "unknown-kid",
];

/** What the sandbox saw since it started or since the last `resetStats()`. */
export interface SandboxStats {
  /** Every POST to /connect/token, including ones a fault answered. */
  tokenRequests: number;
  codeGrants: number;
  refreshGrants: number;
  /** Refresh grants that presented an already-rotated refresh token (refused, and the token family revoked). */
  refreshReuse: number;
  passwordGrants: number;
  clientCredentialsGrants: number;
  revocations: number;
  /** Requests to /connect/endsession itself (not its confirmation step). */
  endSessions: number;
  /** DAM API calls, not counting media or CORS preflights. */
  apiRequests: number;
  /** `POST /bulk` requests (each also counts once in apiRequests; its parts do not). */
  bulkRequests: number;
  /** Parts of the batches that were read (a refused batch adds none). */
  bulkParts: number;
  /** `POST /assets/{id}/downloaded` calls that recorded a download. */
  downloadsRecorded: number;
  discoveryRequests: number;
  jwksRequests: number;
  userinfoRequests: number;
}

/** Seconds, each for tokens issued from now on. */
export interface Lifetimes {
  accessToken: number;
  refreshToken: number;
  code: number;
  idToken: number;
}

export type TokenEndpointFaultMode = "slow" | "error" | "drop";

export interface TokenEndpointFault {
  mode: TokenEndpointFaultMode;
  count: number;
  /** For "slow": how long to wait before answering normally. Default 3000. */
  delayMs?: number;
}

export interface ApiFault {
  status: 401 | 429 | 500;
  count: number;
  /** For 429: the Retry-After header. Default 1. */
  retryAfterSeconds?: number;
  /** Only requests to this path fail (e.g. "/assets/search"); others pass untouched. Default: any request. */
  path?: string;
}

/**
 * The next `batches` (default 1) `POST /bulk` requests fail: with status 429 the whole request (Retry-After
 * `retryAfterSeconds`, default 1); with any other status the listed `parts` (1-based), or else the first `count`
 * parts, answer that status and are not run.
 */
export interface BulkFault {
  status: 400 | 403 | 404 | 409 | 429 | 500 | 503;
  parts?: number[];
  count?: number;
  retryAfterSeconds?: number;
  batches?: number;
}

export const BULK_FAULT_STATUSES: readonly BulkFault["status"][] = [400, 403, 404, 409, 429, 500, 503];

/** How download archives asked for from now on behave: how long they take, and how they end. */
export interface ArchiveControl {
  seconds: number;
  outcome: "ready" | "failed" | "expired";
}

export function emptyStats(): SandboxStats {
  return {
    tokenRequests: 0,
    codeGrants: 0,
    refreshGrants: 0,
    refreshReuse: 0,
    passwordGrants: 0,
    clientCredentialsGrants: 0,
    revocations: 0,
    endSessions: 0,
    apiRequests: 0,
    bulkRequests: 0,
    bulkParts: 0,
    downloadsRecorded: 0,
    discoveryRequests: 0,
    jwksRequests: 0,
    userinfoRequests: 0,
  };
}
