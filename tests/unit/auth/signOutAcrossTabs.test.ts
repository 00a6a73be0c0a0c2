import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuth, type Auth } from "../../../src/auth/createAuth";
import type { RenewalLock } from "../../../src/auth/session/createRenewalLock";
import { createSignOutGate } from "../../../src/auth/session/createSignOutGate";
import { settle } from "../helpers";
import { createTestUser, createTestUserManager } from "./fakeUserManager";

/** Web Locks as every tab of one origin shares them: one holder per name; `ifAvailable` answers null when taken. */
function sharedLocks(): LockManager {
  const held = new Set<string>();
  const request = async (
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => unknown,
  ): Promise<unknown> => {
    if (held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error("this fake only answers ifAvailable requests for a held lock");
    }
    held.add(name);
    try {
      return await callback({ name, mode: options.mode ?? "exclusive" });
    } finally {
      held.delete(name);
    }
  };
  return { request, query: async () => ({ held: [], pending: [] }) } as unknown as LockManager;
}

describe("createSignOutGate", () => {
  it("lets the first tab in, turns every other tab away while it holds the gate, and opens again on release", async () => {
    const locks = sharedLocks();
    const first = createSignOutGate("valet.signout:test", locks);
    const second = createSignOutGate("valet.signout:test", locks);

    expect(await first.enter()).toBe(true);
    expect(await second.enter()).toBe(false);
    expect(await first.enter()).toBe(true);

    first.release();
    await settle();
    expect(await second.enter()).toBe(true);
  });

  it("lets every tab in where Web Locks are missing", async () => {
    expect(await createSignOutGate("valet.signout:test", undefined).enter()).toBe(true);
  });
});

describe("signing out in two tabs at once", () => {
  const disposers: (() => void)[] = [];
  const startTab = (locks: LockManager) => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    vi.spyOn(userManager, "removeUser").mockResolvedValue();
    const leave = vi.fn();
    let auth!: Auth;
    createRoot((dispose) => {
      disposers.push(dispose);
      auth = createAuth({
        userManager,
        basePath: "/",
        leave,
        signOutGate: createSignOutGate("valet.signout:test", locks),
      });
    });
    return { auth, userManager, leave };
  };

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    disposers.splice(0).forEach((dispose) => dispose());
    vi.useRealTimers();
  });

  it("sends exactly one tab to the auth server; the other signs out here and goes to the start page", async () => {
    const locks = sharedLocks();
    const one = startTab(locks);
    const two = startTab(locks);
    await settle();

    await Promise.all([one.auth.signOut(), two.auth.signOut()]);

    const redirects = [one, two].filter(
      (tab) => vi.mocked(tab.userManager.signoutRedirect).mock.calls.length > 0,
    );
    expect(redirects).toHaveLength(1);
    const other = redirects[0] === one ? two : one;
    expect(other.leave).toHaveBeenCalledWith("https://valet.example/");
    expect(other.userManager.signoutRedirect).not.toHaveBeenCalled();
    // Only the tab that leaves for the server revokes: the refresh token is revoked once.
    expect(other.userManager.revokeTokens).not.toHaveBeenCalled();
  });
});

describe("sign-out and renewal", () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it("waits for a renewal in flight before it reads, revokes and removes the session", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    vi.spyOn(userManager, "removeUser").mockResolvedValue();
    let finishRenewal!: () => void;
    let holding = Promise.resolve();
    const renewalLock: RenewalLock = async (task) => {
      const before = holding;
      let done!: () => void;
      holding = new Promise<void>((resolve) => (done = resolve));
      await before;
      try {
        return await task();
      } finally {
        done();
      }
    };
    // A renewal (in any tab) holds the lock.
    void renewalLock(() => new Promise<void>((resolve) => (finishRenewal = resolve)));
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({
        userManager,
        basePath: "/",
        renewalLock,
        signOutGate: createSignOutGate("x", undefined),
      });
    });
    await settle();

    const signingOut = auth.signOut();
    await settle();
    expect(userManager.revokeTokens).not.toHaveBeenCalled();
    expect(userManager.removeUser).not.toHaveBeenCalled();

    finishRenewal();
    await signingOut;
    expect(userManager.revokeTokens).toHaveBeenCalledTimes(1);
    expect(userManager.removeUser).toHaveBeenCalled();
    expect(userManager.signoutRedirect).toHaveBeenCalledTimes(1);
  });
});
