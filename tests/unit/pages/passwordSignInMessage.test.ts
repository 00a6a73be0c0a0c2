import { describe, expect, it } from "vitest";
import { toAuthError } from "../../../src/auth";
import { passwordSignInMessage } from "../../../src/pages/passwordSignInMessage";

/** What oidc-client-ts throws for an OAuth error answer from the token endpoint. */
function oauthError(error: string, description?: string): Error {
  return Object.assign(new Error(description ?? error), {
    name: "ErrorResponse",
    error,
    error_description: description,
  });
}

const fromServer = (error: unknown) => passwordSignInMessage(toAuthError("signinPassword", error));

describe("passwordSignInMessage", () => {
  it("gives the server's words for wrong credentials and for a locked account", () => {
    expect(fromServer(oauthError("invalid_grant", "Wrong username or password."))).toBe(
      "Wrong username or password.",
    );
    expect(
      fromServer(oauthError("invalid_grant", "This account is locked. Contact your administrator.")),
    ).toBe("This account is locked. Contact your administrator.");
  });

  it("puts words in place of a bare code or no description for wrong credentials", () => {
    expect(fromServer(oauthError("invalid_grant", "invalid_username_or_password"))).toBe(
      "The username or password is not right.",
    );
    expect(fromServer(oauthError("invalid_grant"))).toBe("The username or password is not right.");
  });

  it("tells the person to use the Sign in button when the server refuses the grant", () => {
    for (const code of ["unauthorized_client", "unsupported_grant_type"]) {
      expect(fromServer(oauthError(code))).toBe(
        "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
      );
    }
  });

  it("says the server could not be reached when the network fails", () => {
    expect(fromServer(new TypeError("Failed to fetch"))).toBe(
      "Valet could not reach the sign-in server. Check your connection, then try again.",
    );
  });

  it("has plain words for anything that is not an AuthError", () => {
    expect(passwordSignInMessage(new Error("boom"))).toBe(
      "Sign-in did not succeed. Try again, or use the Sign in button.",
    );
  });
});
