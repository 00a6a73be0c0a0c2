import type { User, UserProfile } from "oidc-client-ts";

/** Who signed in, as the API describes them; a password session's only source, since it has no id_token. */
export interface SessionIdentity {
  /** MediaValet's user id; it becomes the session's `sub`. */
  id: string;
  userName: string;
  /** The person's display name; may be empty. */
  name: string;
  email?: string;
}

/**
 * Reads who holds `accessToken`, e.g. from MediaValet's `GET /users/current`. The auth binding may not import the
 * API client, so main.tsx hands it this function.
 */
export type LoadIdentity = (accessToken: string) => Promise<SessionIdentity>;

/**
 * The profile claim that marks a session signed in with a password. It lives in the profile because oidc-client-ts
 * stores the profile with the user and carries it over a refresh that brings no id_token (the user's `state` is
 * neither stored nor shared with other tabs).
 */
export const PASSWORD_SESSION_CLAIM = "valet_session";
const PASSWORD_SESSION = "password";

/**
 * True for a session from the password grant: it has no id_token to verify or to hint with at sign-out, and no
 * browser session at the auth server to end.
 */
export function isPasswordSession(user: Pick<User, "profile"> | null | undefined): boolean {
  return (
    (user?.profile as Record<string, unknown> | undefined)?.[PASSWORD_SESSION_CLAIM] === PASSWORD_SESSION
  );
}

/**
 * The profile of a password session: the identity in the claims an id_token would use, and the mark. It has none of
 * an id_token's own claims (iss, aud, exp, iat), as there is no id_token.
 */
export function passwordSessionProfile(identity: SessionIdentity): UserProfile {
  const claims = {
    sub: identity.id,
    preferred_username: identity.userName,
    ...(identity.name.trim() ? { name: identity.name.trim() } : {}),
    ...(identity.email ? { email: identity.email } : {}),
    [PASSWORD_SESSION_CLAIM]: PASSWORD_SESSION,
  };
  return claims as unknown as UserProfile;
}

/** Marks a profile that came from an id_token as a password session's, keeping its claims. */
export function markPasswordSession(profile: UserProfile): UserProfile {
  return { ...profile, [PASSWORD_SESSION_CLAIM]: PASSWORD_SESSION } as UserProfile;
}
