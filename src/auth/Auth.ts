import type { Accessor } from "solid-js";
import type { AuthState } from "./AuthState";
import type { IdleSignOut } from "./session/createIdleSignOut";
import type { RenewalStatus, RenewOptions } from "./session/createSessionKeeper";

/** The auth binding the app uses: made once by `createAuth`, read through `useAuth()`. */
export interface Auth {
  /** Reactive `{ user, status, error }`. */
  readonly state: AuthState;
  /** True while a user is stored and its access token has not expired; flips at expiry without any event. */
  isAuthenticated(): boolean;
  /** The app's base path, starting and ending with "/". */
  readonly basePath: string;
  /**
   * Leaves for the sign-in page; after sign-in the app returns to `returnTo`, a router path (relative to the base,
   * e.g. "/assets?search=beach").
   */
  signIn(returnTo?: string, options?: { automatic?: boolean }): Promise<void>;
  /**
   * Signs in with a username and password (the resource owner password grant), for deployments that turn it on.
   * The password is sent once and kept nowhere. Nothing is stored when the server refuses.
   * @returns the safe router path to go to
   * @throws AuthError with source "signinPassword" (code "wrong_credentials", "password_sign_in_refused", …)
   */
  signInWithPassword(username: string, password: string, returnTo?: string): Promise<string>;
  /**
   * Revokes the refresh token, clears the session here, and ends it at the auth server (with `id_token_hint`),
   * which sends the browser back to the post-logout URI. A password session has no session at the auth server to
   * end: it goes straight to the post-logout URI.
   */
  signOut(): Promise<void>;
  /**
   * Completes the sign-in whose response is in `url`. Calls for the same URL share one code exchange.
   * @returns the safe router path to return to (relative to the base)
   * @throws AuthError when the response is refused
   */
  completeSignIn(url: string): Promise<string>;
  /** The access token, when one is valid now. */
  getAccessToken(): string | undefined;
  /**
   * Renews the session now with the refresh token, unless another tab already has; concurrent calls (from any
   * tab) share one refresh.
   * @returns the access token afterwards, or undefined when the session could not be renewed
   */
  renew(options?: RenewOptions): Promise<string | undefined>;
  /** What automatic renewal is doing: idle, renewing, retrying or failed. */
  renewal: Accessor<RenewalStatus>;
  /** Idle sign-out, when the deployment turned it on. */
  readonly idle?: IdleSignOut;
  clearError(): void;
}
