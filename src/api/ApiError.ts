export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "throttled"
  | "server_error"
  | "network_error"
  | "bad_response"
  | "aborted"
  | "session_ended"
  | "renewal_failed"
  | "not_allowed_or_session"
  | "patch_refused"
  | "request_failed";

export interface ApiErrorOptions {
  status?: number;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * - `session_ended`: there is no access token at all (nobody is signed in); the auth side already knows.
 * - `renewal_failed`: a 401 asked for a new token and none came; the auth side decides whether the session goes on.
 * - `not_allowed_or_session`: a 401 again right after a successful renewal. On API version 1.0 MediaValet answers a
 *   missing permission with 401, so this is "not allowed" as often as a session problem; it never ends the session.
 * - `patch_refused`: see PatchRefusedError.
 *
 * Every way a call to the MediaValet API can fail, as one error with a stable `code` to switch on. `message` is
 * written for people and never contains the access token or the subscription key.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ApiErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** From `Retry-After` on a 429, when the server said how long to wait. */
  readonly retryAfterSeconds?: number;

  constructor(code: ApiErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
