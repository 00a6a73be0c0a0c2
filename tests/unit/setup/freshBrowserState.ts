// Test files share one jsdom per worker (isolate: false, which makes the unit suite several times faster). Each file
// starts as if in a fresh tab all the same: nothing stored, an empty page, real timers. (A file that asks for the
// node environment has no page to reset.)
import { vi } from "vitest";

if (typeof document !== "undefined") {
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = "";
}
vi.useRealTimers();

// jsdom is never idle: work put off to idle time (the verification code warmed for a stored session) does not run
// on its own, or it would load modules after the file that started it has ended. Tests of such work stub it.
if (typeof window !== "undefined") {
  window.requestIdleCallback = () => 0;
  window.cancelIdleCallback = () => undefined;
}
