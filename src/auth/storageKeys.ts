/** Every key Valet keeps in web storage starts with "valet.". */
export const STORAGE_PREFIX = "valet.";

/** Keys of the stored user start with this; other tabs watch it to follow sign-in, renewal and sign-out. */
export const USER_STORE_KEY_PREFIX = `${STORAGE_PREFIX}user:`;
