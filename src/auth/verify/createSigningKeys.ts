import type { JWKSCacheInput, RemoteJWKSet } from "jose";
import { IdTokenRejected } from "./IdTokenRejected";
import { loadVerificationCode } from "./loadVerificationCode";
import { SigningKeysUnavailable } from "./SigningKeysUnavailable";
import type {
  IdTokenExpectations,
  rehearseVerification as RehearseVerification,
  verifyIdToken as VerifyIdToken,
} from "./verifyIdToken";

const JWKS_CACHE_PREFIX = "valet.jwks:";

export interface SigningKeys {
  /**
   * Loads the verification code (jose) and the cached keys, and checks `idToken` (the stored session's) against
   * them once, so that the first renewal finds that code compiled; without any request: what idle time may do.
   */
  warm(idToken?: string): Promise<void>;
  /**
   * Makes sure current keys are at hand, fetching the key set only when none is known or it is stale.
   * @throws SigningKeysUnavailable when they could not be fetched
   */
  load(): Promise<void>;
  /**
   * Verifies an id_token with the server's keys (fetched again for an unknown `kid`, as after a rotation).
   * @throws IdTokenRejected saying what failed; SigningKeysUnavailable when the keys could not be fetched
   */
  verify(idToken: string, expected: Omit<IdTokenExpectations, "keys">): Promise<void>;
}

function readCache(storage: Storage | undefined, key: string): JWKSCacheInput | undefined {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as JWKSCacheInput) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's signing keys for this tab's session. The verification code is a chunk of its own, loaded on first
 * use; the keys jose fetches are kept in `cache` (sessionStorage), so the return from the sign-in page, reloads and
 * renewals need no second fetch while they are fresh.
 * @param jwksUri where the keys are, from the verified discovery document
 */
export function createSigningKeys(jwksUri: () => Promise<string>, cache: Storage | undefined): SigningKeys {
  let opened:
    | Promise<{
        keys: RemoteJWKSet;
        verifyIdToken: typeof VerifyIdToken;
        rehearseVerification: typeof RehearseVerification;
        save(): void;
      }>
    | undefined;
  const open = () =>
    (opened ??= (async () => {
      const [{ createIdTokenKeys, verifyIdToken, rehearseVerification }, uri] = await Promise.all([
        loadVerificationCode(),
        jwksUri(),
      ]);
      const cacheKey = `${JWKS_CACHE_PREFIX}${uri}`;
      // jose fills this object whenever it fetches the keys; it is saved after a fetch or a verification that
      // brought keys newer than those saved (a verification fetches them for an unknown kid), and only then.
      const seed: JWKSCacheInput | Record<string, never> = readCache(cache, cacheKey) ?? {};
      let saved = "uat" in seed ? seed.uat : undefined;
      const save = () => {
        if (!("jwks" in seed) || seed.uat === saved) return;
        cache?.setItem(cacheKey, JSON.stringify(seed));
        saved = seed.uat;
      };
      return { keys: createIdTokenKeys(uri, seed), verifyIdToken, rehearseVerification, save };
    })().catch((error: unknown) => {
      opened = undefined;
      throw error;
    }));

  return {
    async warm(idToken) {
      const { keys, rehearseVerification } = await open();
      if (idToken) await rehearseVerification(idToken, keys);
    },
    async load() {
      const { keys, save } = await open();
      if (keys.fresh) return;
      try {
        await keys.reload();
      } catch (error) {
        throw new SigningKeysUnavailable({ cause: error });
      }
      save();
    },
    async verify(idToken, expected) {
      const { keys, verifyIdToken, save } = await open();
      try {
        await verifyIdToken(idToken, { ...expected, keys });
      } catch (error) {
        // verifyIdToken refuses a token with IdTokenRejected; anything else is the key set failing to load.
        if (error instanceof IdTokenRejected) throw error;
        throw new SigningKeysUnavailable({ cause: error });
      }
      save();
    },
  };
}
