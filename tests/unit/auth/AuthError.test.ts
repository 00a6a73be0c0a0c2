import { ErrorResponse } from "oidc-client-ts";
import { describe, expect, it } from "vitest";
import { AuthError, toAuthError } from "../../../src/auth/AuthError";

describe("toAuthError", () => {
  it("keeps an AuthError as it is", () => {
    const error = new AuthError("signinCallback", "issuer_mismatch", "from elsewhere");
    expect(toAuthError("renewSilent", error)).toBe(error);
  });

  it("names an unreachable server, whatever the step", () => {
    expect(toAuthError("signinRedirect", new TypeError("Failed to fetch")).code).toBe("server_unreachable");
    const timeout = Object.assign(new Error("Network timed out"), { name: "ErrorTimeout" });
    expect(toAuthError("renewSilent", timeout).code).toBe("server_unreachable");
  });

  it("says the server is unreachable when a token relay could not reach it (temporarily_unavailable)", () => {
    const relayed = new ErrorResponse({
      error: "temporarily_unavailable",
      error_description: "The token relay could not reach the auth server.",
    });
    const error = toAuthError("signinPassword", relayed);
    expect(error.code).toBe("server_unreachable");
    expect(error.message).toBe(
      "Valet could not reach the sign-in server. Check your connection, then try again.",
    );
  });

  it("words OAuth refusals with their code and the server's description, as text", () => {
    const refused = toAuthError(
      "signinCallback",
      new ErrorResponse({ error: "invalid_grant", error_description: "<i>code expired</i>" }),
    );
    expect(refused.code).toBe("server_refused");
    expect(refused.message).toBe(
      "The sign-in server would not sign you in (invalid_grant): <i>code expired</i>",
    );
    expect(toAuthError("signinCallback", new ErrorResponse({ error: "access_denied" })).code).toBe(
      "access_denied",
    );
  });

  it("treats oidc-client-ts's own id_token checks as a refused id_token", () => {
    const nonce = toAuthError(
      "signinCallback",
      new Error("nonce in id_token does not match nonce in client storage"),
    );
    expect(nonce.code).toBe("id_token_invalid");
    expect(nonce.message).toContain("Nothing was stored.");
    expect(toAuthError("signinCallback", new Error("ID Token is missing a subject claim")).code).toBe(
      "id_token_invalid",
    );
  });

  it("calls a response Valet is not waiting for what it is", () => {
    expect(toAuthError("signinCallback", new Error("No matching state found in storage")).code).toBe(
      "callback_invalid",
    );
  });
});
