/**
 * Reads the DPoP key pair oidc-client-ts keeps for `clientId` in IndexedDB (its IndexedDbDPoPStore), the one its
 * token requests were signed with. The library is imported only when a proof is needed, so a page without DPoP
 * never loads it for this.
 */
export function storedDPoPKeys(clientId: string): () => Promise<CryptoKeyPair | undefined> {
  return async () => {
    const { IndexedDbDPoPStore } = await import("oidc-client-ts");
    const state = (await new IndexedDbDPoPStore().get(clientId)) as { keys?: CryptoKeyPair } | undefined;
    return state?.keys;
  };
}
