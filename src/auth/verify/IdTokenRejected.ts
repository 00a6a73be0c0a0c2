/** Why an id_token was refused, as a stable code; the message says it in plain words. */
export type IdTokenRejection =
  | "bad_signature"
  | "unknown_key"
  | "algorithm_not_allowed"
  | "wrong_issuer"
  | "wrong_audience"
  | "wrong_authorized_party"
  | "wrong_nonce"
  | "expired"
  | "issued_in_future"
  | "missing_claim"
  | "changed_identity"
  | "malformed";

/** Thrown when an id_token fails verification; nothing from such a token may be stored or used. */
export class IdTokenRejected extends Error {
  override readonly name = "IdTokenRejected";

  constructor(
    readonly reason: IdTokenRejection,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
