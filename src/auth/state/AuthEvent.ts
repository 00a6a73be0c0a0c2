import type { User } from "oidc-client-ts";
import type { AuthError } from "../AuthError";

/** Everything that changes the auth state; {@link transition} says how. */
export type AuthEvent =
  /** Start-up read the stored session: a usable user, or none. */
  | { readonly type: "restored"; readonly user: User | null }
  /** Start-up could not read the stored session. */
  | { readonly type: "restoreFailed"; readonly error: AuthError }
  /** A user was stored here: a completed sign-in, a renewal, a session handed over by another tab. */
  | { readonly type: "userLoaded"; readonly user: User }
  /** The stored user was removed. */
  | { readonly type: "userUnloaded" }
  /** The session keeper took on a session another tab had renewed; the keeper reports its own errors. */
  | { readonly type: "renewed"; readonly user: User }
  /** The session keeper's news: a failure it may still recover from, or `null` once it has. */
  | { readonly type: "renewalReported"; readonly error: AuthError | null }
  /** The session cannot go on (the refresh token was refused, or it is gone from storage). */
  | { readonly type: "sessionEnded"; readonly error: AuthError }
  /** Another tab changed the stored user: this is what it left. */
  | { readonly type: "otherTabStored"; readonly user: User | null }
  | { readonly type: "signInStarted" }
  | { readonly type: "signInFailed"; readonly error: AuthError }
  | { readonly type: "signOutStarted" }
  /** The auth server could not be reached to end the session; it is cleared here all the same. */
  | { readonly type: "signOutFailed"; readonly error: AuthError }
  | { readonly type: "errorCleared" };
