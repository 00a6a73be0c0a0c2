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
  | "keys_unavailable"
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

/**
 * A failure of the auth binding, tagged with where it came from, worded for the person using Valet. `transient`
 * says whether the same step may succeed if tried again later (the network, a server's 5xx) without anything else
 * changing; the original error is the `cause`.
 */
export class AuthError extends Error {
  override readonly name = "AuthError";
  readonly transient: boolean;

  constructor(
    readonly source: AuthErrorSource,
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown; transient?: boolean },
  ) {
    super(message, options);
    this.transient = options?.transient ?? false;
  }
}

/** What a classified error is: its code, whether it may pass by itself, and its words. */
interface Kind {
  code: AuthErrorCode;
  transient: boolean;
  message: string;
}

const CHECK_CONNECTION = "Check your connection, then try again.";
const UNREACHABLE = `Valet could not reach the sign-in server. ${CHECK_CONNECTION}`;

// OAuth error codes (RFC 6749 §5.2, §4.1.2.1) that say the server could not answer now, not that it refuses.
const TRANSIENT_OAUTH_ERRORS = new Set(["server_error", "temporarily_unavailable", "slow_down"]);

/**
 * oidc-client-ts 3.x throws plain Errors for its own checks; these are its messages (JsonService, OidcClient,
 * ResponseValidator). Kept in this one table so an upgrade that rewords them fails the classifier's test, not a
 * session.
 */
const LIBRARY_MESSAGES: readonly [RegExp, "id_token_invalid" | "callback_invalid" | "http"][] = [
  [/^nonce in id_token does not match/i, "id_token_invalid"],
  [/^ID Token is missing a subject claim|^(sub|auth_time|azp)( not)? in id_token/i, "id_token_invalid"],
  [/^No matching state found|^No state in response|^State does not match/i, "callback_invalid"],
  [/^(authority|client_id) mismatch on settings vs\. signin state/i, "callback_invalid"],
  // An HTTP failure without an OAuth error body: "Service Unavailable (503)", optionally ": {json}".
  [/^[\w ]*\(\d{3}\)(: |$)/, "http"],
];

function nameOf(error: unknown): string | undefined {
  return error instanceof Error || error instanceof DOMException ? error.name : undefined;
}

/** fetch failed, or oidc-client-ts's or jose's timer gave up, or a proxy answered with something not JSON. */
function isNetworkFailure(error: unknown, message: string): boolean {
  if (error instanceof TypeError) return true;
  const name = nameOf(error);
  if (name === "ErrorTimeout" || name === "AbortError" || name === "TimeoutError") return true;
  if ((error as { code?: unknown } | null)?.code === "ERR_JWKS_TIMEOUT") return true;
  return /^Invalid response Content-Type/.test(message);
}

function oauthError(error: unknown): { error: string; description: string } | undefined {
  if (nameOf(error) === "ErrorDPoPNonce") return { error: "use_dpop_nonce", description: "" };
  if (nameOf(error) !== "ErrorResponse") return undefined;
  const { error: code, error_description } = error as { error?: unknown; error_description?: unknown };
  if (typeof code !== "string") return undefined;
  return { error: code, description: typeof error_description === "string" ? error_description : "" };
}

function classifyOAuth(source: AuthErrorSource, code: string, description: string): Kind {
  if (code === "temporarily_unavailable") {
    // What a token relay answers when it cannot reach the auth server: to the person, the same as a failed fetch.
    return { code: "server_unreachable", transient: true, message: UNREACHABLE };
  }
  // A DPoP nonce the server wants first: nothing was granted, so the same request with the nonce may pass.
  const transient = TRANSIENT_OAUTH_ERRORS.has(code) || code === "use_dpop_nonce";
  if (source === "signinPassword" && code === "invalid_grant") {
    // The server's own words say why (a locked account, say); without them, the usual one.
    return {
      code: "wrong_credentials",
      transient: false,
      message: description || "The username or password is not right.",
    };
  }
  if (source === "signinPassword" && (code === "unauthorized_client" || code === "unsupported_grant_type")) {
    return {
      code: "password_sign_in_refused",
      transient: false,
      message:
        "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
    };
  }
  const detail = description ? `: ${description}` : "";
  if (code === "access_denied") {
    return { code: "access_denied", transient: false, message: `Sign-in was cancelled or refused${detail}` };
  }
  const renewing = source === "renewSilent";
  return {
    code: renewing ? "renewal_failed" : "server_refused",
    transient,
    message: `The sign-in server would not ${renewing ? "renew your session" : "sign you in"} (${code})${detail}`,
  };
}

/** What any other failure means at each step; none of these pass by trying the same step again. */
function classifyBySource(source: AuthErrorSource, message: string): Kind {
  switch (source) {
    case "signinCallback":
      return {
        code: "sign_in_failed",
        transient: false,
        message: `Sign-in could not be completed: ${message}`,
      };
    case "renewSilent":
      return {
        code: "renewal_failed",
        transient: false,
        message: `Your session could not be renewed: ${message}`,
      };
    case "signoutRedirect":
      return {
        code: "sign_out_incomplete",
        transient: false,
        message: `You are signed out of Valet, but the sign-in server could not be told: ${message}`,
      };
    case "loadUser":
    case "tabSync":
    case "signinPassword":
    case "signinRedirect":
      return { code: "sign_in_failed", transient: false, message: `Sign-in could not start: ${message}` };
  }
}

/** The verifier's own refusals (src/auth/verify), known by name so that this first-page module imports none. */
function classifyVerification(name: string | undefined, message: string): Kind | undefined {
  switch (name) {
    case "DiscoveryRejected":
      return { code: "discovery_invalid", transient: false, message };
    case "IdTokenRejected":
      return {
        code: "id_token_invalid",
        transient: false,
        message: `The sign-in server's id_token was refused: ${message}. Nothing was stored.`,
      };
    case "SigningKeysUnavailable":
      return { code: "keys_unavailable", transient: true, message: `${message} ${CHECK_CONNECTION}` };
    default:
      return undefined;
  }
}

function classify(source: AuthErrorSource, error: unknown): Kind {
  const message = error instanceof Error ? error.message : String(error);
  const verification = classifyVerification(nameOf(error), message);
  if (verification) return verification;
  if (isNetworkFailure(error, message))
    return { code: "server_unreachable", transient: true, message: UNREACHABLE };
  const oauth = oauthError(error);
  if (oauth) return classifyOAuth(source, oauth.error, oauth.description);
  const known = LIBRARY_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
  if (known === "id_token_invalid") {
    const what = /^nonce/i.test(message) ? "it does not answer this sign-in request (nonce)" : message;
    return {
      code: "id_token_invalid",
      transient: false,
      message: `The sign-in server's id_token was refused: ${what}. Nothing was stored.`,
    };
  }
  if (known === "callback_invalid") {
    return {
      code: "callback_invalid",
      transient: false,
      message:
        "This sign-in response is not one Valet is waiting for: it was already used, or it was not started in this browser.",
    };
  }
  const kind = classifyBySource(source, message);
  if (known === "http") {
    // A server error or a throttle may pass; any other status will not.
    const status = Number(/\((\d{3})\)/.exec(message)?.[1]);
    return { ...kind, transient: status >= 500 || status === 429 };
  }
  return kind;
}

/**
 * The one place errors are sorted. Turns whatever oidc-client-ts, jose or the network threw at `source` into an
 * {@link AuthError}: a stable code, whether it is transient, plain words, and the original as its cause. An
 * AuthError from another step keeps its code and words, and is told where it surfaced. Server-supplied text is
 * kept as text: the UI never renders it as HTML.
 */
export function toAuthError(source: AuthErrorSource, error: unknown): AuthError {
  if (error instanceof AuthError) {
    if (error.source === source) return error;
    return new AuthError(source, error.code, error.message, { cause: error, transient: error.transient });
  }
  const { code, transient, message } = classify(source, error);
  return new AuthError(source, code, message, { cause: error, transient });
}
