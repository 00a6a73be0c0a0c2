import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { AuthSettings } from "./AuthSettings";

/**
 * Creates the one UserManager of the app. Call it once, outside any component: two instances mean two renewal
 * timers racing each other with the same refresh token.
 */
export function createUserManager(
  settings: AuthSettings,
  storage: Storage = window.localStorage,
): UserManager {
  return new UserManager({
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
    automaticSilentRenew: true,
    monitorSession: false,
    revokeTokensOnSignout: true,
    revokeTokenTypes: ["refresh_token"],
  });
}
