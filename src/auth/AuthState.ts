import type { User } from "oidc-client-ts";
import type { AuthError } from "./AuthError";

/**
 * - `loading`: the stored session is being read at start-up.
 * - `signedIn`: a user is stored; see `isAuthenticated()` for whether its access token is still valid.
 * - `signedOut`: no user.
 * - `signingIn`: the browser is leaving for the sign-in page, or the callback is exchanging its code for tokens.
 * - `signingOut`: the session is being ended (revoked, removed, ended at the auth server); the browser leaves next.
 *   Nothing may start a sign-in meanwhile, and no renewal or other tab may bring the session back.
 */
export type AuthStatus = "loading" | "signedIn" | "signedOut" | "signingIn" | "signingOut";

export interface AuthState {
  /** The oidc-client-ts user, replaced whole whenever it changes. */
  readonly user: User | null;
  readonly status: AuthStatus;
  /** The last failure, until the next successful step or `clearError()`. */
  readonly error: AuthError | null;
}
