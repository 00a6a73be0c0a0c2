import type { User } from "oidc-client-ts";
import type { AuthError } from "./AuthError";

/**
 * - `loading`: the stored session is being read at start-up.
 * - `signedIn`: a user is stored; see `isAuthenticated()` for whether its access token is still valid.
 * - `signedOut`: no user.
 * - `redirecting`: the browser is leaving for the sign-in or sign-out page.
 */
export type AuthStatus = "loading" | "signedIn" | "signedOut" | "redirecting";

export interface AuthState {
  /** The oidc-client-ts user, replaced whole whenever it changes. */
  readonly user: User | null;
  readonly status: AuthStatus;
  /** The last failure, until the next successful step or `clearError()`. */
  readonly error: AuthError | null;
}
