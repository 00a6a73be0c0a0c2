/**
 * Thrown when the server's signing keys could not be fetched to verify an id_token: nothing is known yet about the
 * token, and the same check may pass later (the cause says what failed).
 */
export class SigningKeysUnavailable extends Error {
  override readonly name = "SigningKeysUnavailable";

  constructor(options: { cause: unknown }) {
    super("Valet could not fetch the sign-in server's keys to check its answer.", options);
  }
}
