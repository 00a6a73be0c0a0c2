import { createComputed, createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createExpiryClock } from "../../../../src/auth/state/createExpiryClock";

describe("createExpiryClock", () => {
  let dispose: (() => void) | undefined;
  const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it("flips when the moment passes, with no event, and what depends on it sees it", () => {
    const seen: boolean[] = [];
    const expiresAt = inSeconds(120);
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      const passed = createExpiryClock(() => expiresAt, Date.now);
      createComputed(() => seen.push(passed()));
    });
    vi.advanceTimersByTime(119_000);
    expect(seen).toEqual([false]);
    vi.advanceTimersByTime(2_000);
    expect(seen).toEqual([false, true]);
  });

  it("follows a new moment (a renewed token), and never passes without one", () => {
    const [expiresAt, setExpiresAt] = createSignal<number | undefined>(inSeconds(60));
    let passed!: () => boolean;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      passed = createExpiryClock(expiresAt, Date.now);
    });
    vi.advanceTimersByTime(30_000);
    setExpiresAt(inSeconds(600));
    vi.advanceTimersByTime(60_000);
    expect(passed()).toBe(false);
    setExpiresAt(undefined);
    vi.advanceTimersByTime(24 * 3600_000);
    expect(passed()).toBe(false);
  });

  it("waits beyond what one timer can (about 24.8 days)", () => {
    let passed!: () => boolean;
    const expiresAt = inSeconds(30 * 24 * 3600);
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      passed = createExpiryClock(() => expiresAt, Date.now);
    });
    vi.advanceTimersByTime(29 * 24 * 3600_000);
    expect(passed()).toBe(false);
    vi.advanceTimersByTime(24 * 3600_000 + 1_000);
    expect(passed()).toBe(true);
  });

  it("releases its timer when disposed", () => {
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      createExpiryClock(() => inSeconds(120), Date.now);
    });
    expect(vi.getTimerCount()).toBe(1);
    dispose?.();
    dispose = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });
});
