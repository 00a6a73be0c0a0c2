/** A fresh, unguessable nonce for one authorization request (oidc-client-ts never makes one by itself). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
