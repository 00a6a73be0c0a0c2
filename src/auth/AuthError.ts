/** Where in the sign-in lifecycle an error happened; the UI picks its words and its way forward from this. */
export type AuthErrorSource =
  | "loadUser"
  | "signinRedirect"
  | "signinCallback"
  | "signinPassword"
  | "renewSilent"
  | "signoutRedirect"
  | "tabSync";

/** Stable codes, so callers can switch over what went wrong without parsing messages. */
export type AuthErrorCode =
  | "server_unreachable"
  | "access_denied"
  | "server_refused"
  | "callback_invalid"
  | "sign_in_failed"
  | "renewal_failed"
  | "sign_out_incomplete"
  | "discovery_invalid"
  | "issuer_mismatch"
  | "id_token_invalid"
  | "session_ended"
  | "signed_out_elsewhere"
  | "sign_in_loop"
  | "wrong_credentials"
  | "password_sign_in_refused";

/** A failure of the auth binding, tagged with where it came from, worded for the person using Valet. */
export class AuthError extends Error {
  override readonly name = "AuthError";

  constructor(
    readonly source: AuthErrorSource,
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface OAuthErrorLike {
  error: string;
  error_description?: string | null;
}

function isOAuthError(error: unknown): error is OAuthErrorLike {
  return (
    error instanceof Error &&
    error.name === "ErrorResponse" &&
    typeof (error as unknown as OAuthErrorLike).error === "string"
  );
}

function isNetworkFailure(error: unknown): boolean {
  // fetch rejects with a TypeError when the server cannot be reached; oidc-client-ts throws ErrorTimeout.
  return error instanceof TypeError || (error instanceof Error && error.name === "ErrorTimeout");
}

/**
 * Turns whatever oidc-client-ts or the network threw into an {@link AuthError} with plain words.
 * Server-supplied text is kept as text: the UI never renders it as HTML.
 */
export function toAuthError(source: AuthErrorSource, error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const options = { cause: error };
  if (isNetworkFailure(error)) {
    return new AuthError(
      source,
      "server_unreachable",
      "Valet could not reach the sign-in server. Check your connection, then try again.",
      options,
    );
  }
  if (isOAuthError(error) && error.error === "temporarily_unavailable") {
    // What a token relay answers when it cannot reach the auth server: to the person, the same as a failed fetch.
    return new AuthError(
      source,
      "server_unreachable",
      "Valet could not reach the sign-in server. Check your connection, then try again.",
      options,
    );
  }
  if (isOAuthError(error) && source === "signinPassword") {
    if (error.error === "invalid_grant") {
      // The server's own words say why (a locked account, say); without them, the usual one.
      return new AuthError(
        source,
        "wrong_credentials",
        error.error_description || "The username or password is not right.",
        options,
      );
    }
    if (error.error === "unauthorized_client" || error.error === "unsupported_grant_type") {
      return new AuthError(
        source,
        "password_sign_in_refused",
        "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
        options,
      );
    }
  }
  if (isOAuthError(error)) {
    const detail = error.error_description ? `: ${error.error_description}` : "";
    if (error.error === "access_denied") {
      return new AuthError(source, "access_denied", `Sign-in was cancelled or refused${detail}`, options);
    }
    const what = source === "renewSilent" ? "renew your session" : "sign you in";
    return new AuthError(
      source,
      source === "renewSilent" ? "renewal_failed" : "server_refused",
      `The sign-in server would not ${what} (${error.error})${detail}`,
      options,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  switch (source) {
    case "signinCallback":
      // oidc-client-ts checks the nonce and sub itself before Valet's verification runs; same words either way.
      if (/nonce in id_token/i.test(message)) {
        return new AuthError(
          source,
          "id_token_invalid",
          "The sign-in server's id_token was refused: it does not answer this sign-in request (nonce). Nothing was stored.",
          options,
        );
      }
      if (/id token|id_token/i.test(message)) {
        return new AuthError(
          source,
          "id_token_invalid",
          `The sign-in server's id_token was refused: ${message}. Nothing was stored.`,
          options,
        );
      }
      if (/state/i.test(message)) {
        return new AuthError(
          source,
          "callback_invalid",
          "This sign-in response is not one Valet is waiting for: it was already used, or it was not started in this browser.",
          options,
        );
      }
      return new AuthError(source, "sign_in_failed", `Sign-in could not be completed: ${message}`, options);
    case "renewSilent":
      return new AuthError(
        source,
        "renewal_failed",
        `Your session could not be renewed: ${message}`,
        options,
      );
    case "signoutRedirect":
      return new AuthError(
        source,
        "sign_out_incomplete",
        `You are signed out of Valet, but the sign-in server could not be told: ${message}`,
        options,
      );
    case "loadUser":
    case "tabSync":
    case "signinPassword":
    case "signinRedirect":
      return new AuthError(source, "sign_in_failed", `Sign-in could not start: ${message}`, options);
  }
}
