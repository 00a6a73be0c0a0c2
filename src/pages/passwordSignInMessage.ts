import { AuthError } from "../auth";

/**
 * What the password form says when sign-in did not succeed. The auth binding's messages are already worded for
 * people; this only covers what it cannot know.
 */
export function passwordSignInMessage(error: unknown): string {
  if (!(error instanceof AuthError)) {
    return "Sign-in did not succeed. Try again, or use the Sign in button.";
  }
  switch (error.code) {
    case "wrong_credentials":
      // The server's own words explain a locked account; but IdentityServer-style servers may send a bare code
      // ("invalid_username_or_password") as the description, which is not words for a person.
      return /\s/.test(error.message) ? error.message : "The username or password is not right.";
    default:
      return error.message;
  }
}
