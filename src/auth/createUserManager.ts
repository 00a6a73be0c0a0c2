import { WebStorageStateStore } from "oidc-client-ts";
import type { AuthSettings } from "./AuthSettings";
import { VerifyingUserManager } from "./VerifyingUserManager";

/** Storage keys of the stored user start with this; other tabs watch it to follow sign-in and sign-out. */
export const USER_STORE_KEY_PREFIX = "valet.user:";

/**
 * Creates the one UserManager of the app. Call it once, outside any component: two instances mean two renewal
 * timers racing each other with the same refresh token.
 */
export function createUserManager(
  settings: AuthSettings,
  storage: Storage = window.localStorage,
): VerifyingUserManager {
  return new VerifyingUserManager(
    {
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
      scope: settings.scope,
      response_type: "code",
      // Tokens live in localStorage so that the tabs of one browser share one session (see README, "Tokens").
      userStore: new WebStorageStateStore({ store: storage, prefix: "valet." }),
      stateStore: new WebStorageStateStore({ store: storage, prefix: "valet.state." }),
      // MediaValet's userinfo endpoint does not accept its API access tokens; the id_token carries the profile.
      loadUserInfo: false,
      // createSessionKeeper renews instead: it survives errors, and shares one refresh among tabs.
      automaticSilentRenew: false,
      monitorSession: false,
      // createAuth revokes the refresh token itself before signing out, so that it can remove the user first.
      revokeTokensOnSignout: false,
      revokeTokenTypes: ["refresh_token"],
    },
    { issuer: settings.issuer },
  );
}
