import type { User, UserManager } from "oidc-client-ts";

/**
 * The part of oidc-client-ts's UserManager that the auth binding uses. The binding depends on this, not on the
 * class, so the library itself can load only when a session needs it (see createLazyUserManager).
 */
export interface AuthClient {
  readonly settings: {
    readonly authority: string;
    readonly client_id: string;
    /** Where a sign-out ends up; a password session's sign-out goes there directly. */
    readonly post_logout_redirect_uri?: string;
  };
  readonly events: {
    addUserLoaded(callback: (user: User) => void | Promise<void>): () => void;
    addUserUnloaded(callback: () => void | Promise<void>): () => void;
  };
  getUser(): Promise<User | null>;
  removeUser(): Promise<void>;
  signinRedirect: UserManager["signinRedirect"];
  signinCallback: UserManager["signinCallback"];
  signinSilent: UserManager["signinSilent"];
  signinResourceOwnerCredentials: UserManager["signinResourceOwnerCredentials"];
  signoutRedirect: UserManager["signoutRedirect"];
  revokeTokens: UserManager["revokeTokens"];
  /**
   * Stores a session that another tab renewed and verified (a stored-user string), and announces it like any
   * other loaded user.
   */
  storeSession(session: string): Promise<User>;
}
