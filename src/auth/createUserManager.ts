import { IndexedDbDPoPStore, WebStorageStateStore, type OidcMetadata } from "oidc-client-ts";
import type { AuthSettings } from "./AuthSettings";
import { STORAGE_PREFIX } from "./storageKeys";
import { cachedDiscovery, VerifyingUserManager } from "./verify/VerifyingUserManager";

/**
 * Creates the one UserManager of the app. Call it once, outside any component: two instances mean two renewal
 * timers racing each other with the same refresh token.
 */
export function createUserManager(
  settings: AuthSettings,
  storage: Storage = window.localStorage,
  cache: Storage = window.sessionStorage,
): VerifyingUserManager {
  // A discovery document verified earlier in this tab's session: no second fetch after the sign-in redirect.
  const metadata = cachedDiscovery(cache, settings.authority);
  return new VerifyingUserManager(
    {
      ...(metadata ? { metadata: metadata as Partial<OidcMetadata> } : {}),
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
      scope: settings.scope,
      response_type: "code",
      // Tokens live in localStorage so that the tabs of one browser share one session (see README, "Tokens").
      userStore: new WebStorageStateStore({ store: storage, prefix: STORAGE_PREFIX }),
      stateStore: new WebStorageStateStore({ store: storage, prefix: `${STORAGE_PREFIX}state.` }),
      // MediaValet's userinfo endpoint does not accept its API access tokens; the id_token carries the profile.
      loadUserInfo: false,
      // createSessionKeeper renews instead: it survives errors, and shares one refresh among tabs.
      automaticSilentRenew: false,
      monitorSession: false,
      // createAuth revokes the refresh token itself before signing out: a password session signs out without
      // signoutRedirect, and a failed revocation must not stop the sign-out.
      revokeTokensOnSignout: false,
      revokeTokenTypes: ["refresh_token"],
      // The key pair is non-extractable and kept in IndexedDB: one for all tabs, removed with the user at sign-out.
      ...(settings.dpop ? { dpop: { store: new IndexedDbDPoPStore() } } : {}),
    },
    {
      issuer: settings.issuer,
      cache,
      tokenRelayUrl: settings.tokenRelayUrl ?? null,
      ...(settings.loadIdentity ? { loadIdentity: settings.loadIdentity } : {}),
    },
  );
}
