// Automatic sign-in redirects allowed within a minute before Valet stops and explains instead of looping.
const MAX_AUTOMATIC_SIGNINS = 3;
const WINDOW_MS = 60_000;
const ATTEMPTS_KEY = "valet.automaticSignIns";

export interface SignInLoopGuard {
  /** Counts an automatic sign-in; false when there have been too many lately (a loop), and then it is not counted. */
  allow(): boolean;
  /** Starts counting afresh: a sign-in completed. */
  reset(): void;
}

/**
 * Stops automatic sign-ins that loop (the sign-in page sending the browser back signed out, again and again). The
 * attempts are counted in `store`, the tab's sessionStorage by default, because each one is a new page load.
 */
export function createSignInLoopGuard(store: Storage, now: () => number): SignInLoopGuard {
  return {
    allow() {
      const recent = (JSON.parse(store.getItem(ATTEMPTS_KEY) ?? "[]") as number[]).filter(
        (at) => now() - at < WINDOW_MS,
      );
      if (recent.length >= MAX_AUTOMATIC_SIGNINS) return false;
      store.setItem(ATTEMPTS_KEY, JSON.stringify([...recent, now()]));
      return true;
    },
    reset: () => store.removeItem(ATTEMPTS_KEY),
  };
}
