import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { createRefreshLedger } from "../../../../src/auth/session/createRefreshLedger";

/** Everything the ledger keeps, read straight from the database as another tab's code could. */
async function contents(indexedDb: IDBFactory): Promise<unknown[]> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDb.open("valet");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const request = database.transaction("renewals", "readonly").objectStore("renewals").getAll();
    return await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    database.close();
  }
}

describe("createRefreshLedger", () => {
  // Each test gets a browser profile of its own: a fresh IndexedDB, so nothing carries over between tests.
  const profile = () => new IDBFactory();

  it("knows nothing before any renewal was recorded", async () => {
    const ledger = createRefreshLedger(profile());
    await expect(ledger.replacementFor("rt-1")).resolves.toBeUndefined();
  });

  it("records the session that replaced a spent refresh token, and looks it up by that token only", async () => {
    const ledger = createRefreshLedger(profile());
    await ledger.record("rt-1", '{"access_token":"at-2","refresh_token":"rt-2"}');
    await expect(ledger.replacementFor("rt-1")).resolves.toBe(
      '{"access_token":"at-2","refresh_token":"rt-2"}',
    );
    await expect(ledger.replacementFor("rt-2")).resolves.toBeUndefined();
    await expect(ledger.replacementFor("rt-")).resolves.toBeUndefined();
  });

  it("hands the renewal over to another tab that opens the same database", async () => {
    const indexedDb = profile();
    const renewingTab = createRefreshLedger(indexedDb);
    const waitingTab = createRefreshLedger(indexedDb);
    // The waiting tab opened the database first, as a tab that has been open all along would have.
    await expect(waitingTab.replacementFor("rt-1")).resolves.toBeUndefined();
    await renewingTab.record("rt-1", "session-2");
    await expect(waitingTab.replacementFor("rt-1")).resolves.toBe("session-2");
  });

  it("keeps only the last renewal: the one before is no longer handed over", async () => {
    const ledger = createRefreshLedger(profile());
    await ledger.record("rt-1", "session-2");
    await ledger.record("rt-2", "session-3");
    await expect(ledger.replacementFor("rt-2")).resolves.toBe("session-3");
    await expect(ledger.replacementFor("rt-1")).resolves.toBeUndefined();
  });

  it("forgets the renewal on clear, for every tab", async () => {
    const indexedDb = profile();
    const signingOutTab = createRefreshLedger(indexedDb);
    const otherTab = createRefreshLedger(indexedDb);
    await signingOutTab.record("rt-1", "session-2");
    await otherTab.clear();
    await expect(signingOutTab.replacementFor("rt-1")).resolves.toBeUndefined();
    await expect(contents(indexedDb)).resolves.toEqual([]);
  });

  it("never keeps the refresh token itself, only a fingerprint of it", async () => {
    const indexedDb = profile();
    await createRefreshLedger(indexedDb).record("rt-secret-1", "session-2");
    const [entry] = await contents(indexedDb);
    expect(JSON.stringify(entry)).not.toContain("rt-secret-1");
    expect(entry).toMatchObject({ spent: expect.stringMatching(/^[0-9a-f]{64}$/), session: "session-2" });
  });

  it("opens its database on warm, before any renewal, and writes nothing", async () => {
    const indexedDb = profile();
    const opened = vi.spyOn(indexedDb, "open");
    const ledger = createRefreshLedger(indexedDb);
    await ledger.warm();
    expect(opened).toHaveBeenCalledTimes(1);
    // The renewal then uses the connection the warm-up opened.
    await ledger.replacementFor("rt-1");
    expect(opened).toHaveBeenCalledTimes(1);
    await expect(contents(indexedDb)).resolves.toEqual([]);
  });

  it("opens its database again after a failed attempt, so that a failed warm-up costs no renewal", async () => {
    const indexedDb = profile();
    const open = indexedDb.open.bind(indexedDb);
    vi.spyOn(indexedDb, "open")
      .mockImplementationOnce(() => {
        throw new DOMException("The database is busy.", "UnknownError");
      })
      .mockImplementation(open);
    const ledger = createRefreshLedger(indexedDb);
    await expect(ledger.warm()).rejects.toThrow("busy");
    await ledger.record("rt-1", "session-2");
    await expect(ledger.replacementFor("rt-1")).resolves.toBe("session-2");
  });

  it("does nothing, and hands nothing over, where the browser has no IndexedDB", async () => {
    const ledger = createRefreshLedger(undefined);
    await ledger.record("rt-1", "session-2");
    await expect(ledger.replacementFor("rt-1")).resolves.toBeUndefined();
    await expect(ledger.clear()).resolves.toBeUndefined();
    await expect(ledger.warm()).resolves.toBeUndefined();
  });
});
