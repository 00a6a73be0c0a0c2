import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createIdleSignOut,
  idleLimitPassed,
  type IdleSignOut,
} from "../../../../src/auth/session/createIdleSignOut";

describe("createIdleSignOut", () => {
  let dispose: (() => void) | undefined;
  let signOut: ReturnType<typeof vi.fn<() => void>>;

  const start = (minutes: number) => {
    let idle!: IdleSignOut;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      idle = createIdleSignOut({ minutes, signOut, now: Date.now, storage: localStorage });
    });
    return idle;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    signOut = vi.fn<() => void>();
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it("counts down during the last minute, then signs out once", () => {
    const idle = start(5);
    vi.advanceTimersByTime(3 * 60_000);
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(60_000 + 1_000);
    expect(idle.secondsLeft()).toBe(59);
    vi.advanceTimersByTime(59_000);
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it("warns for the last half of a period shorter than two minutes", () => {
    const idle = start(1);
    vi.advanceTimersByTime(31_000);
    expect(idle.secondsLeft()).toBe(29);
  });

  it("starts over on activity in this tab", () => {
    const idle = start(2);
    vi.advanceTimersByTime(90_000);
    expect(idle.secondsLeft()).not.toBeNull();
    window.dispatchEvent(new KeyboardEvent("keydown"));
    vi.advanceTimersByTime(1_000);
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(100_000);
    expect(signOut).not.toHaveBeenCalled();
  });

  it("starts over on activity in another tab (the shared record of the last activity)", () => {
    start(2);
    vi.advanceTimersByTime(100_000);
    localStorage.setItem("valet.lastActivity", String(Date.now()));
    vi.advanceTimersByTime(100_000);
    expect(signOut).not.toHaveBeenCalled();
  });

  it("stays signed in when the person says so", () => {
    const idle = start(1);
    vi.advanceTimersByTime(45_000);
    idle.stayActive();
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(45_000);
    expect(signOut).not.toHaveBeenCalled();
  });

  it("releases its timer and listeners when disposed", () => {
    start(1);
    // jsdom delivers storage events to other windows on a timer of its own; let those go first.
    vi.advanceTimersByTime(0);
    dispose?.();
    dispose = undefined;
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(120_000);
    expect(signOut).not.toHaveBeenCalled();
  });

  it("runs only while a session is open, and starts afresh with each new one", () => {
    const [open, setOpen] = createSignal(false);
    let idle!: IdleSignOut;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      idle = createIdleSignOut({ minutes: 2, signOut, now: Date.now, storage: localStorage, active: open });
    });
    vi.advanceTimersByTime(10 * 60_000);
    expect(signOut).not.toHaveBeenCalled();

    setOpen(true);
    vi.advanceTimersByTime(90_000);
    expect(idle.secondsLeft()).toBe(30);
    setOpen(false);
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(signOut).not.toHaveBeenCalled();

    setOpen(true);
    vi.advanceTimersByTime(59_000);
    expect(idle.secondsLeft()).toBeNull();
    vi.advanceTimersByTime(61_000);
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});

describe("idleLimitPassed", () => {
  beforeEach(() => localStorage.clear());
  const check = () => idleLimitPassed({ minutes: 15, now: Date.now, storage: localStorage });

  it("says whether the last activity any tab recorded is older than the limit", () => {
    localStorage.setItem("valet.lastActivity", String(Date.now() - 14 * 60_000));
    expect(check()).toBe(false);
    localStorage.setItem("valet.lastActivity", String(Date.now() - 15 * 60_000));
    expect(check()).toBe(true);
  });

  it("holds nothing against a session when there is no record", () => {
    expect(check()).toBe(false);
  });
});
