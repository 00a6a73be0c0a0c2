/** Every key Valet keeps in web storage starts with "valet.". */
export const STORAGE_PREFIX = "valet.";

/** Keys of the stored user start with this; other tabs watch it to follow sign-in, renewal and sign-out. */
export const USER_STORE_KEY_PREFIX = `${STORAGE_PREFIX}user:`;

/** True when a session is stored in `storage` (without loading oidc-client-ts to find out). */
export function hasStoredSession(storage: Storage): boolean {
  for (let i = 0; i < storage.length; i++) {
    if (storage.key(i)?.startsWith(USER_STORE_KEY_PREFIX)) return true;
  }
  return false;
}
