import { ErrorResponse, type User } from "oidc-client-ts";
import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRenewalLock } from "../../../src/auth/session/createRenewalLock";
import { createSessionKeeper, type SessionKeeper } from "../../../src/auth/session/createSessionKeeper";
import { settle } from "../helpers";
import { createTestUserManager, issueTestUser } from "./fakeUserManager";

/** What the browser tells the page about its tab; jsdom's document is always visible otherwise. */
function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

describe("createSessionKeeper: a renewal due while the tab was hidden", () => {
  let dispose: (() => void) | undefined;

  function start(session: User) {
    const userManager = createTestUserManager();
    let stored: User | null = session;
    vi.mocked(userManager.getUser).mockImplementation(async () => stored);
    const [user, setUser] = createSignal<User | null>(session);
    const refresh = vi.spyOn(userManager, "signinSilent").mockImplementation(async () => {
      stored = issueTestUser(60, "rt-next");
      setUser(stored);
      return stored;
    });
    let keeper!: SessionKeeper;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      keeper = createSessionKeeper({
        userManager,
        user,
        adopt: setUser,
        end: () => undefined,
        report: () => undefined,
        lock: createRenewalLock("test", undefined),
        now: Date.now,
        random: () => 0.5,
      });
    });
    return { keeper, refresh };
  }

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    Reflect.deleteProperty(document, "visibilityState");
    vi.useRealTimers();
  });

  it("runs as soon as the tab becomes visible, when the browser held its timer back while hidden", async () => {
    const { refresh } = start(issueTestUser(60, "rt-1"));
    setVisibility("hidden");
    // The browser froze the hidden tab: the clock moved past the renewal time (40 s), its timers did not run.
    vi.setSystemTime(Date.now() + 50_000);
    await settle();
    expect(refresh).not.toHaveBeenCalled();

    setVisibility("visible");
    await settle();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("does not renew on becoming visible when no renewal is due yet", async () => {
    const { refresh } = start(issueTestUser(60, "rt-1"));
    setVisibility("hidden");
    vi.setSystemTime(Date.now() + 20_000);
    setVisibility("visible");
    await settle();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("starts again on becoming visible after renewal gave up while hidden", async () => {
    const { keeper, refresh } = start(issueTestUser(60, "rt-1"));
    setVisibility("hidden");
    refresh.mockRejectedValueOnce(new ErrorResponse({ error: "temporarily_unavailable" }));
    const keepFailing = () => refresh.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    for (let i = 0; i < 5; i++) keepFailing();
    await vi.advanceTimersByTimeAsync(40_000 + 60_000);
    expect(keeper.status()).toBe("failed");
    expect(refresh).toHaveBeenCalledTimes(6);

    setVisibility("visible");
    await settle();
    expect(refresh).toHaveBeenCalledTimes(7);
    expect(keeper.status()).toBe("idle");
  });
});
