import { IDBFactory } from "fake-indexeddb";
import { ErrorResponse, User } from "oidc-client-ts";
import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuthClient } from "../../../src/auth/AuthClient";
import type { AuthError } from "../../../src/auth/AuthError";
import { createRefreshLedger } from "../../../src/auth/session/createRefreshLedger";
import { createRenewalLock, type RenewalLock } from "../../../src/auth/session/createRenewalLock";
import { createSessionKeeper, type SessionKeeper } from "../../../src/auth/session/createSessionKeeper";
import { issueTestUser } from "./fakeUserManager";

/** A token endpoint with rotating refresh tokens: each one works once, as MediaValet's do; reuse is refused. */
function createTokenServer() {
  const spent = new Set<string>();
  const received: string[] = [];
  let next = 1;
  return {
    /** Every refresh token sent, in order. */
    received,
    refresh(refreshToken: string): User {
      received.push(refreshToken);
      if (spent.has(refreshToken)) throw new ErrorResponse({ error: "invalid_grant" });
      spent.add(refreshToken);
      next += 1;
      return issueTestUser(60, `rt-${next}`);
    },
  };
}

/**
 * A browser tab: its own copy of the stored user (Chromium gives each renderer its own copy of localStorage, and
 * another tab's write reaches it only later; here, never), its own session keeper, and the lock and IndexedDB it
 * shares with the other tabs.
 */
function openTab(shared: {
  lock: RenewalLock;
  indexedDb: IDBFactory;
  server: ReturnType<typeof createTokenServer>;
}) {
  return (session: User) => {
    let stored: User | null = session;
    // What the tab shows; oidc-client-ts's userLoaded event updates it (createAuth listens for it).
    const [user, announce] = createSignal<User | null>(session);
    const refusals: unknown[] = [];
    const userManager: AuthClient = {
      settings: { authority: "https://login.example", client_id: "valet" },
      events: { addUserLoaded: () => () => undefined, addUserUnloaded: () => () => undefined },
      getUser: async () => stored,
      removeUser: async () => void (stored = null),
      async signinSilent() {
        if (!stored?.refresh_token) throw new Error("No refresh token");
        try {
          stored = shared.server.refresh(stored.refresh_token);
        } catch (error) {
          refusals.push(error);
          throw error;
        }
        announce(stored);
        return stored;
      },
      async storeSession(text) {
        stored = User.fromStorageString(text);
        announce(stored);
        return stored;
      },
      signinRedirect: () => Promise.reject(new Error("not in this test")),
      signinCallback: () => Promise.reject(new Error("not in this test")),
      signinResourceOwnerCredentials: () => Promise.reject(new Error("not in this test")),
      signoutRedirect: () => Promise.reject(new Error("not in this test")),
      revokeTokens: () => Promise.reject(new Error("not in this test")),
    };
    const ended: AuthError[] = [];
    let keeper!: SessionKeeper;
    const dispose = createRoot((disposeRoot) => {
      keeper = createSessionKeeper({
        userManager,
        user,
        adopt: announce,
        end: (error) => ended.push(error),
        report: () => undefined,
        lock: shared.lock,
        ledger: createRefreshLedger(shared.indexedDb),
        now: Date.now,
      });
      return disposeRoot;
    });
    return { keeper, user, ended, refusals, dispose, stored: () => stored };
  };
}

describe("Two tabs renewing one session", () => {
  const disposers: (() => void)[] = [];

  beforeEach(() => {
    // Only the clock is fake: the lock, IndexedDB and promises run as they do in a browser.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
    vi.useRealTimers();
  });

  it("the second tab takes the session the first handed over, though its store still shows the spent refresh token", async () => {
    const server = createTokenServer();
    const open = openTab({
      lock: createRenewalLock("valet.renewal:test", undefined),
      indexedDb: new IDBFactory(),
      server,
    });
    const session = issueTestUser(60, "rt-1");
    const first = open(session);
    // The second tab read the same stored session when it loaded, and will not see the first tab's write in time.
    const second = open(User.fromStorageString(session.toStorageString()));
    disposers.push(first.dispose, second.dispose);

    // Both tabs reach the renewal time together; the second waits for the lock while the first renews.
    vi.setSystemTime(Date.now() + 45_000);
    const [firstToken, secondToken] = await Promise.all([first.keeper.renew(), second.keeper.renew()]);

    expect(server.received).toEqual(["rt-1"]);
    expect(second.refusals).toEqual([]);
    expect(secondToken).toBe(firstToken);
    expect(second.user()?.access_token).toBe(first.user()?.access_token);
    expect(second.stored()?.refresh_token).toBe("rt-2");
    expect([...first.ended, ...second.ended]).toEqual([]);
  });

  it("the session goes on in both tabs through the next renewal, each refresh token sent once", async () => {
    const server = createTokenServer();
    const open = openTab({
      lock: createRenewalLock("valet.renewal:test", undefined),
      indexedDb: new IDBFactory(),
      server,
    });
    const session = issueTestUser(60, "rt-1");
    const first = open(session);
    const second = open(User.fromStorageString(session.toStorageString()));
    disposers.push(first.dispose, second.dispose);

    vi.setSystemTime(Date.now() + 45_000);
    await Promise.all([first.keeper.renew(), second.keeper.renew()]);
    // Next time the second tab is first to the lock; the first tab's copy now lags behind.
    vi.setSystemTime(Date.now() + 45_000);
    await Promise.all([second.keeper.renew(), first.keeper.renew()]);

    expect(server.received).toEqual(["rt-1", "rt-2"]);
    expect(first.user()?.access_token).toBe(second.user()?.access_token);
    expect(first.stored()?.refresh_token).toBe("rt-3");
    expect([...first.ended, ...second.ended]).toEqual([]);
  });
});
