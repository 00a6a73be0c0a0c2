/**
 * The keys under which a signed-in user is kept in `storage`. Spelled out here rather than imported from src, so
 * that a test asserting "nothing of the session is left" does not follow a changed prefix by accident.
 */
export function storedUserKeys(storage: Storage = window.localStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith("valet.user")) keys.push(key);
  }
  return keys;
}
