import { findUserByCredentials, type SandboxUser } from "../users";

/** Why a sign-in was refused; the login page and the password grant word each the same way. */
export type CredentialsFailure = "wrong-credentials" | "locked";

export type CredentialsCheck =
  | { readonly ok: true; readonly user: SandboxUser }
  | { readonly ok: false; readonly failure: CredentialsFailure };

export const FAILURE_MESSAGES: Readonly<Record<CredentialsFailure, string>> = {
  "wrong-credentials": "Wrong username or password.",
  locked: "This account is locked. Ask your MediaValet administrator to unlock it.",
};

/**
 * Checks a username and password for the sign-in page and the password grant alike. A locked account is reported
 * only after its password matched, as IdentityServer does, so the message reveals nothing to someone guessing.
 */
export function checkCredentials(username: string, password: string): CredentialsCheck {
  const user = findUserByCredentials(username, password);
  if (!user) return { ok: false, failure: "wrong-credentials" };
  if (user.locked) return { ok: false, failure: "locked" };
  return { ok: true, user };
}
