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

/** Keys that hold public facts about the servers (the verified discovery document and keys), not the person's. */
const SERVER_FACTS = /^valet\.(discovery|jwks):/;

/**
 * Removes everything Valet kept for the person in `storage` (e.g. their selection of assets), so that nothing of
 * theirs is left in the tab once they sign out; server facts stay.
 */
export function clearPersonalKeys(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(STORAGE_PREFIX) && !SERVER_FACTS.test(key)) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
}
