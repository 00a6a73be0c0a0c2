import type { User } from "oidc-client-ts";
import { forwardWhenLoaded } from "../lib/forwardWhenLoaded";
import { loadOnce } from "../lib/loadOnce";
import type { AuthClient } from "./AuthClient";
import type { AuthSettings } from "./AuthSettings";
import { hasStoredSession } from "./storageKeys";

/** The verifying UserManager's code (and oidc-client-ts): one import, whether the page preloads it or a session uses it. */
export const loadUserManagerCode = /* @__PURE__ */ loadOnce(() => import("./createUserManager"));

type Listener<T extends unknown[]> = (...args: T) => void | Promise<void>;

/**
 * An {@link AuthClient} that loads oidc-client-ts (and the verifying UserManager) only when a session needs it:
 * to sign in, to complete a callback, or because a user is stored. A signed-out visitor's first page never
 * downloads it.
 */
export function createLazyUserManager(
  settings: AuthSettings,
  storage: Storage = window.localStorage,
): AuthClient {
  const loaded = new Set<Listener<[User]>>();
  const unloaded = new Set<Listener<[]>>();

  let manager: ReturnType<typeof load> | undefined;
  function load() {
    return loadUserManagerCode().then(({ createUserManager }) => {
      const userManager = createUserManager(settings, storage);
      // Listeners added before the library arrived hear its events from now on.
      userManager.events.addUserLoaded(async (user) => {
        for (const listener of loaded) await listener(user);
      });
      userManager.events.addUserUnloaded(async () => {
        for (const listener of unloaded) await listener();
      });
      return userManager;
    });
  }
  const userManager = () => (manager ??= load());

  const hasStoredUser = () => hasStoredSession(storage);

  // Every method not named here goes to the loaded UserManager (a new method of AuthClient needs no line here).
  const own: Pick<AuthClient, "settings" | "events" | "getUser" | "removeUser"> = {
    settings: {
      authority: settings.authority,
      client_id: settings.clientId,
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
    },
    events: {
      addUserLoaded(listener) {
        loaded.add(listener);
        return () => void loaded.delete(listener);
      },
      addUserUnloaded(listener) {
        unloaded.add(listener);
        return () => void unloaded.delete(listener);
      },
    },
    // Nothing stored and nothing loaded: there is no session, and no reason to load the library to say so.
    async getUser() {
      if (!manager && !hasStoredUser()) return null;
      return (await userManager()).getUser();
    },
    async removeUser() {
      if (!manager && !hasStoredUser()) return;
      return (await userManager()).removeUser();
    },
  };
  return Object.assign(Object.create(forwardWhenLoaded<AuthClient>(userManager)) as AuthClient, own);
}
