/**
 * Hands a renewal over between tabs. localStorage is not read consistently across tabs (Chromium gives each renderer
 * its own copy, updated some milliseconds later), so a tab that takes the renewal lock right after another one
 * released it can still read the spent refresh token. IndexedDB is consistent: the tab that renews records here,
 * before releasing the lock, which refresh token it spent and the session it got; the next tab checks before it
 * sends anything.
 */
export interface RefreshLedger {
  /** Records that `spentRefreshToken` was used and `session` (a stored-user string) came back. */
  record(spentRefreshToken: string, session: string): Promise<void>;
  /** The session that replaced `refreshToken`, when another tab already spent it. */
  replacementFor(refreshToken: string): Promise<string | undefined>;
  /** Forgets the last renewal: nothing of a session may outlive its sign-out. */
  clear(): Promise<void>;
  /**
   * Opens the database and readies the hashing that `record` and `replacementFor` need, so that the first renewal of
   * a page does not pay for it (issue 16). Reads and writes nothing.
   */
  warm(): Promise<void>;
}

const DATABASE = "valet";
const STORE = "renewals";
const KEY = "last";

async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function completed(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if ("oncomplete" in request) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error);
      request.onabort = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });
}

/** A ledger in IndexedDB; a no-op where IndexedDB is missing (then only in-tab and storage events protect). */
export function createRefreshLedger(indexedDb: IDBFactory | undefined = globalThis.indexedDB): RefreshLedger {
  if (!indexedDb) {
    return {
      record: async () => undefined,
      replacementFor: async () => undefined,
      clear: async () => undefined,
      warm: async () => undefined,
    };
  }
  let database: Promise<IDBDatabase> | undefined;
  const open = () =>
    (database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDb.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      // Opened in idle time too: a failure there must not stay for the renewal that tries again.
      database = undefined;
      throw error;
    }));

  return {
    async record(spentRefreshToken, session) {
      const [spent, db] = await Promise.all([fingerprint(spentRefreshToken), open()]);
      const transaction = db.transaction(STORE, "readwrite");
      transaction.objectStore(STORE).put({ spent, session }, KEY);
      // Committed before the lock is released, so the next tab's read sees it.
      await completed(transaction);
    },
    async replacementFor(refreshToken) {
      const [wanted, db] = await Promise.all([fingerprint(refreshToken), open()]);
      const request = db.transaction(STORE, "readonly").objectStore(STORE).get(KEY);
      await completed(request);
      const entry = request.result as { spent?: string; session?: string } | undefined;
      return entry?.spent === wanted ? entry.session : undefined;
    },
    async clear() {
      const transaction = (await open()).transaction(STORE, "readwrite");
      transaction.objectStore(STORE).delete(KEY);
      await completed(transaction);
    },
    async warm() {
      await Promise.all([open(), fingerprint("")]);
    },
  };
}
