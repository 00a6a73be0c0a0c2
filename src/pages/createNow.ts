import { createSignal, onCleanup, type Accessor } from "solid-js";

/**
 * The current time in milliseconds, updated every `intervalMs`; the timer stops when the owning scope is disposed.
 * @param clock injectable for tests
 */
export function createNow(intervalMs = 1000, clock: () => number = Date.now): Accessor<number> {
  const [now, setNow] = createSignal(clock());
  const timer = setInterval(() => setNow(clock()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
