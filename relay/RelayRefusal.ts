/** The OAuth error codes (RFC 6749 §5.2, and §4.1.2.1 for the two server-side ones) that the relay answers with. */
export type RelayErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "unsupported_grant_type"
  | "server_error"
  | "temporarily_unavailable";

/**
 * A request the relay will not forward, or an upstream it could not use. Thrown by the checks and turned into an
 * OAuth-style JSON answer `{ error, error_description }` at one place, in `createRelay`.
 */
export class RelayRefusal extends Error {
  override readonly name = "RelayRefusal";

  constructor(
    readonly status: number,
    readonly code: RelayErrorCode,
    description: string,
    /** Extra response headers, such as `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}
