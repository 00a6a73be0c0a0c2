import { ErrorResponse, ErrorTimeout } from "oidc-client-ts";
import { errors } from "jose";
import { describe, expect, it } from "vitest";
import {
  AuthError,
  toAuthError,
  type AuthErrorCode,
  type AuthErrorSource,
} from "../../../src/auth/AuthError";
import { DiscoveryRejected } from "../../../src/auth/verify/DiscoveryRejected";
import { IdTokenRejected } from "../../../src/auth/verify/IdTokenRejected";
import { SigningKeysUnavailable } from "../../../src/auth/verify/SigningKeysUnavailable";

/** What oidc-client-ts 3.x throws, built the way it builds it (see its JsonService, OidcClient, ResponseValidator). */
const oauth = (error: string, error_description?: string) => new ErrorResponse({ error, error_description });
const plain = (message: string) => new Error(message);
const named = (name: string, message = "") => Object.assign(new Error(message), { name });

describe("toAuthError, the one classifier", () => {
  it.each<[string, AuthErrorSource, unknown, AuthErrorCode, boolean]>([
    // The network: fetch fails, a timer gives up, a proxy answers with a page instead of JSON.
    ["fetch failed", "renewSilent", new TypeError("Failed to fetch"), "server_unreachable", true],
    [
      "oidc-client-ts timed out",
      "signinCallback",
      new ErrorTimeout("Network timed out"),
      "server_unreachable",
      true,
    ],
    ["fetch aborted", "renewSilent", new DOMException("aborted", "AbortError"), "server_unreachable", true],
    ["jose's JWKS fetch timed out", "renewSilent", new errors.JWKSTimeout(), "server_unreachable", true],
    [
      "a captive portal's HTML",
      "renewSilent",
      plain("Invalid response Content-Type: text/html, from URL: https://login.example/connect/token"),
      "server_unreachable",
      true,
    ],
    // OAuth error responses (RFC 6749 §5.2).
    [
      "temporarily_unavailable",
      "signinPassword",
      oauth("temporarily_unavailable"),
      "server_unreachable",
      true,
    ],
    ["server_error on refresh", "renewSilent", oauth("server_error"), "renewal_failed", true],
    ["server_error on sign-in", "signinCallback", oauth("server_error"), "server_refused", true],
    ["a DPoP nonce asked for again", "renewSilent", named("ErrorDPoPNonce", "{}"), "renewal_failed", true],
    ["invalid_grant on refresh", "renewSilent", oauth("invalid_grant"), "renewal_failed", false],
    ["invalid_grant on sign-in", "signinCallback", oauth("invalid_grant"), "server_refused", false],
    [
      "invalid_grant on password sign-in",
      "signinPassword",
      oauth("invalid_grant"),
      "wrong_credentials",
      false,
    ],
    [
      "the password grant not allowed",
      "signinPassword",
      oauth("unauthorized_client"),
      "password_sign_in_refused",
      false,
    ],
    ["access_denied", "signinCallback", oauth("access_denied"), "access_denied", false],
    // HTTP failures without an OAuth body.
    ["a 503 page", "renewSilent", plain("Service Unavailable (503)"), "renewal_failed", true],
    ["a 429", "renewSilent", plain("Too Many Requests (429): {}"), "renewal_failed", true],
    ["a 404", "renewSilent", plain("Not Found (404)"), "renewal_failed", false],
    // oidc-client-ts's own checks.
    [
      "the nonce",
      "signinCallback",
      plain("nonce in id_token does not match nonce in client storage"),
      "id_token_invalid",
      false,
    ],
    [
      "a missing sub",
      "signinCallback",
      plain("ID Token is missing a subject claim"),
      "id_token_invalid",
      false,
    ],
    [
      "a changed sub on refresh",
      "renewSilent",
      plain("sub in id_token does not match current sub"),
      "id_token_invalid",
      false,
    ],
    [
      "an unknown state",
      "signinCallback",
      plain("No matching state found in storage"),
      "callback_invalid",
      false,
    ],
    [
      "no silent renewal possible",
      "renewSilent",
      plain("No silent_redirect_uri configured"),
      "renewal_failed",
      false,
    ],
    // Valet's verifier.
    ["a refused discovery", "renewSilent", new DiscoveryRejected(["bad"]), "discovery_invalid", false],
    [
      "a refused id_token",
      "renewSilent",
      new IdTokenRejected("bad_signature", "its signature does not match"),
      "id_token_invalid",
      false,
    ],
    [
      "keys that could not be fetched",
      "renewSilent",
      new SigningKeysUnavailable({ cause: new TypeError("Failed to fetch") }),
      "keys_unavailable",
      true,
    ],
    // Anything else.
    ["an unknown error at sign-out", "signoutRedirect", plain("odd"), "sign_out_incomplete", false],
    ["an unknown error at start", "loadUser", "not even an Error", "sign_in_failed", false],
  ])("%s at %s is %s (transient: %s)", (_, source, error, code, transient) => {
    const classified = toAuthError(source, error);
    expect(classified).toMatchObject({ source, code, transient });
    expect(classified.cause).toBe(error);
  });

  it("keeps an AuthError from the same step as it is", () => {
    const error = new AuthError("signinCallback", "issuer_mismatch", "from elsewhere");
    expect(toAuthError("signinCallback", error)).toBe(error);
  });

  it("tells an AuthError from another step where it surfaced, keeping its code, words and transience", () => {
    const error = new AuthError("signinRedirect", "server_unreachable", "unreachable", { transient: true });
    expect(toAuthError("renewSilent", error)).toMatchObject({
      source: "renewSilent",
      code: "server_unreachable",
      message: "unreachable",
      transient: true,
      cause: error,
    });
  });

  it("says the server is unreachable when a token relay could not reach it (temporarily_unavailable)", () => {
    const relayed = oauth("temporarily_unavailable", "The token relay could not reach the auth server.");
    expect(toAuthError("signinPassword", relayed).message).toBe(
      "Valet could not reach the sign-in server. Check your connection, then try again.",
    );
  });

  it("words OAuth refusals with their code and the server's description, as text", () => {
    const refused = toAuthError("signinCallback", oauth("invalid_grant", "<i>code expired</i>"));
    expect(refused.message).toBe(
      "The sign-in server would not sign you in (invalid_grant): <i>code expired</i>",
    );
  });

  it("says a refused id_token stored nothing, and words a nonce mismatch for people", () => {
    const nonce = toAuthError(
      "signinCallback",
      plain("nonce in id_token does not match nonce in client storage"),
    );
    expect(nonce.message).toBe(
      "The sign-in server's id_token was refused: it does not answer this sign-in request (nonce). Nothing was stored.",
    );
    const verified = toAuthError("renewSilent", new IdTokenRejected("expired", "it has expired"));
    expect(verified.message).toBe(
      "The sign-in server's id_token was refused: it has expired. Nothing was stored.",
    );
  });

  it("calls a response Valet is not waiting for what it is", () => {
    expect(toAuthError("signinCallback", plain("No matching state found in storage")).message).toBe(
      "This sign-in response is not one Valet is waiting for: it was already used, or it was not started in this browser.",
    );
  });
});
