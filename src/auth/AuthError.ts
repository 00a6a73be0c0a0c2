import { messageOf } from "../lib/messageOf";
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

// Kinds are built with this one helper: this module is on the first page, where every byte counts.
const kind = (code: AuthErrorCode, message: string, transient = false): Kind => ({
  code,
  transient,
  message,
});

const CHECK_CONNECTION = "Check your connection, then try again.";
const UNREACHABLE = `Valet could not reach the sign-in server. ${CHECK_CONNECTION}`;
const ID_TOKEN_REFUSED = "The sign-in server's id_token was refused:";

/**
 * oidc-client-ts 3.x and jose name their errors (`name`); these may pass by themselves: oidc-client-ts's and jose's
 * timers giving up, an aborted fetch. (fetch itself fails with a TypeError.)
 */
const NETWORK_ERROR_NAMES = /^(ErrorTimeout|AbortError|TimeoutError|JWKSTimeout)$/;

// OAuth error codes (RFC 6749 §5.2) that say the server could not answer now, not that it refuses; and a DPoP
// nonce the server wants first (RFC 9449 §8), after which the same request may pass.
const TRANSIENT_OAUTH_ERRORS = /^(server_error|temporarily_unavailable|slow_down|use_dpop_nonce)$/;

/**
 * oidc-client-ts 3.x throws plain Errors for its own checks; these are its messages (JsonService, OidcClient,
 * ResponseValidator). Kept in this one table so an upgrade that rewords them fails the classifier's test, not a
 * session.
 */
const LIBRARY_MESSAGES: readonly [RegExp, "id_token_invalid" | "callback_invalid" | "http"][] = [
  [/^(nonce|sub|auth_time|azp)( not)? in id_token|^ID Token is missing a subject claim/i, "id_token_invalid"],
  [
    /^No matching state found|^No state in response|^State does not match|mismatch on settings vs/i,
    "callback_invalid",
  ],
  // An HTTP failure without an OAuth error body: "Service Unavailable (503)", optionally ": {json}".
  [/^[\w ]*\(\d{3}\)(: |$)/, "http"],
];

function classifyOAuth(source: AuthErrorSource, code: string, description: string): Kind {
  // What a token relay answers when it cannot reach the auth server: to the person, the same as a failed fetch.
  if (code === "temporarily_unavailable") return kind("server_unreachable", UNREACHABLE, true);
  if (source === "signinPassword" && code === "invalid_grant") {
    // The server's own words say why (a locked account, say); without them, the usual one.
    return kind("wrong_credentials", description || "The username or password is not right.");
  }
  if (source === "signinPassword" && /^(unauthorized_client|unsupported_grant_type)$/.test(code)) {
    return kind(
      "password_sign_in_refused",
      "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
    );
  }
  const detail = description ? `: ${description}` : "";
  if (code === "access_denied") return kind("access_denied", `Sign-in was cancelled or refused${detail}`);
  const renewing = source === "renewSilent";
  return kind(
    renewing ? "renewal_failed" : "server_refused",
    `The sign-in server would not ${renewing ? "renew your session" : "sign you in"} (${code})${detail}`,
    TRANSIENT_OAUTH_ERRORS.test(code),
  );
}

/** What any other failure means at each step; none of these pass by trying the same step again. */
function classifyBySource(source: AuthErrorSource, message: string): Kind {
  switch (source) {
    case "signinCallback":
      return kind("sign_in_failed", `Sign-in could not be completed: ${message}`);
    case "renewSilent":
      return kind("renewal_failed", `Your session could not be renewed: ${message}`);
    case "signoutRedirect":
      return kind(
        "sign_out_incomplete",
        `You are signed out of Valet, but the sign-in server could not be told: ${message}`,
      );
    default:
      return kind("sign_in_failed", `Sign-in could not start: ${message}`);
  }
}

function classify(source: AuthErrorSource, error: unknown): Kind {
  const message = messageOf(error);
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  // The verifier's own refusals (src/auth/verify), known by name so that this module imports none of it.
  if (name === "DiscoveryRejected") return kind("discovery_invalid", message);
  if (name === "IdTokenRejected")
    return kind("id_token_invalid", `${ID_TOKEN_REFUSED} ${message}. Nothing was stored.`);
  if (name === "SigningKeysUnavailable")
    return kind("keys_unavailable", `${message} ${CHECK_CONNECTION}`, true);
  // The network, a timer, or a proxy answering with a page instead of JSON.
  if (
    error instanceof TypeError ||
    NETWORK_ERROR_NAMES.test(name) ||
    /^Invalid response Content-Type/.test(message)
  ) {
    return kind("server_unreachable", UNREACHABLE, true);
  }
  if (name === "ErrorDPoPNonce") return classifyOAuth(source, "use_dpop_nonce", "");
  const oauth = error as { error?: unknown; error_description?: unknown };
  if (name === "ErrorResponse" && typeof oauth.error === "string") {
    return classifyOAuth(
      source,
      oauth.error,
      typeof oauth.error_description === "string" ? oauth.error_description : "",
    );
  }
  const known = LIBRARY_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
  if (known === "id_token_invalid") {
    const what = /^nonce/i.test(message) ? "it does not answer this sign-in request (nonce)" : message;
    return kind("id_token_invalid", `${ID_TOKEN_REFUSED} ${what}. Nothing was stored.`);
  }
  if (known === "callback_invalid") {
    return kind(
      "callback_invalid",
      "This sign-in response is not one Valet is waiting for: it was already used, or it was not started in this browser.",
    );
  }
  const bySource = classifyBySource(source, message);
  // A server error or a throttle may pass; any other status will not.
  const status = known === "http" ? Number(/\((\d{3})\)/.exec(message)?.[1]) : 0;
  return { ...bySource, transient: status >= 500 || status === 429 };
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
