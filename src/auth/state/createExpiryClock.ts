import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";

// setTimeout overflows past 2^31-1 ms; longer waits are re-armed.
const MAX_TIMER_DELAY = 2_147_483_647;

/**
 * Whether the moment `expiresAt` (seconds since the epoch; undefined for never) has passed. Reading it subscribes to
 * the moment itself: whatever depends on it is re-run when the time comes, without any event. Must run inside a
 * reactive root; its timer goes with it.
 */
export function createExpiryClock(
  expiresAt: Accessor<number | undefined>,
  now: () => number,
): Accessor<boolean> {
  const [tick, setTick] = createSignal(0);
  createEffect(() => {
    tick();
    const at = expiresAt();
    if (at === undefined) return;
    const remaining = at * 1000 - now();
    if (remaining < 0) return;
    const timer = setTimeout(() => setTick((count) => count + 1), Math.min(remaining + 1, MAX_TIMER_DELAY));
    onCleanup(() => clearTimeout(timer));
  });
  const passed = () => {
    tick();
    const at = expiresAt();
    return at !== undefined && at * 1000 <= now();
  };
  return passed;
}
