import { InMemoryWebStorage } from "oidc-client-ts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInLoopGuard } from "../../../../src/auth/signIn/createSignInLoopGuard";

describe("createSignInLoopGuard", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("allows three automatic sign-ins within a minute, across page loads, and refuses the fourth", () => {
    const tab = new InMemoryWebStorage();
    const allowed = [1, 2, 3, 4].map(() => {
      // Each attempt is a new page load: a new guard over the same tab storage.
      const answer = createSignInLoopGuard(tab, Date.now).allow();
      vi.advanceTimersByTime(5_000);
      return answer;
    });
    expect(allowed).toEqual([true, true, true, false]);
  });

  it("allows again once a minute has passed since the oldest attempt", () => {
    const guard = createSignInLoopGuard(new InMemoryWebStorage(), Date.now);
    guard.allow();
    vi.advanceTimersByTime(30_000);
    guard.allow();
    guard.allow();
    expect(guard.allow()).toBe(false);
    vi.advanceTimersByTime(30_000);
    expect(guard.allow()).toBe(true);
    expect(guard.allow()).toBe(false);
  });

  it("counts afresh after a reset (a completed sign-in)", () => {
    const guard = createSignInLoopGuard(new InMemoryWebStorage(), Date.now);
    [1, 2, 3].forEach(() => guard.allow());
    guard.reset();
    expect(guard.allow()).toBe(true);
  });
});
