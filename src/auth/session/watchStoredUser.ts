import type { User } from "oidc-client-ts";
import type { AuthClient } from "../AuthClient";
import { USER_STORE_KEY_PREFIX } from "../storageKeys";

/**
 * Tabs share the stored user: calls `onChange` with the stored user (or null) whenever another tab signs in, renews
 * or signs out, so that this tab can follow without a reload. Storage events fire only in the other tabs.
 * @returns the undo, which also drops a read still under way
 */
export function watchStoredUser(
  userManager: Pick<AuthClient, "getUser">,
  onChange: (user: User | null) => void,
  target: Window = window,
): () => void {
  let watching = true;
  const onStorage = (event: StorageEvent) => {
    // A null key means the whole storage was cleared, the user with it.
    if (event.key !== null && !event.key.startsWith(USER_STORE_KEY_PREFIX)) return;
    // A store that cannot be read has nothing to follow; the next event tries again.
    userManager.getUser().then(
      (user) => {
        if (watching) onChange(user);
      },
      () => undefined,
    );
  };
  target.addEventListener("storage", onStorage);
  return () => {
    watching = false;
    target.removeEventListener("storage", onStorage);
  };
}
