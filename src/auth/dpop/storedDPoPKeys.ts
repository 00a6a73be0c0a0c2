import { loadOnce } from "../../lib/loadOnce";

// One import for the page: a new `import()` for every proof would wait for a task of its own each time (loadOnce).
const loadLibrary = /* @__PURE__ */ loadOnce(() => import("oidc-client-ts"));

/**
 * Reads the DPoP key pair oidc-client-ts keeps for `clientId` in IndexedDB (its IndexedDbDPoPStore), the one its
 * token requests were signed with. The library is imported only when a proof is needed, so a page without DPoP
 * never loads it for this.
 */
export function storedDPoPKeys(clientId: string): () => Promise<CryptoKeyPair | undefined> {
  return async () => {
    const { IndexedDbDPoPStore } = await loadLibrary();
    const state = (await new IndexedDbDPoPStore().get(clientId)) as { keys?: CryptoKeyPair } | undefined;
    return state?.keys;
  };
}
