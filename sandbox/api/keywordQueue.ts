import type { AssetRecord } from "./seed/assets";

/** One keyword write as the API accepted it (with 202), waiting to be applied to the asset. */
export type KeywordChange =
  | { readonly kind: "add"; readonly names: readonly string[] }
  | { readonly kind: "remove"; readonly keywordId: string };

export interface KeywordQueue {
  /**
   * Accepts a change for later: it applies once the delay has passed, after every change accepted before it (for any
   * asset), so an add and a remove of the same keyword apply in the order they were sent. With no delay and nothing
   * waiting, it applies at once.
   */
  enqueue(asset: AssetRecord, change: KeywordChange, userId: string): void;
  /** The changes accepted for this asset and not applied yet, oldest first. */
  pendingFor(asset: AssetRecord): KeywordChange[];
  /** Drops every waiting change and its timer (the sandbox is closing). */
  stop(): void;
}

interface Waiting {
  asset: AssetRecord;
  change: KeywordChange;
  userId: string;
  dueAt: number;
}

/**
 * MediaValet's keyword writes answer 202 and are applied by a background job (MVS's `runAsync`), so a keyword just
 * added is not listed at once. This queue stands in for that job: `delayMs` is read for each change, so the test
 * controls can change it while the sandbox runs.
 */
export function createKeywordQueue(
  apply: (asset: AssetRecord, change: KeywordChange, userId: string) => void,
  delayMs: () => number,
  now: () => number = Date.now,
): KeywordQueue {
  const waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastDueAt = 0;

  const run = (): void => {
    timer = undefined;
    while (waiting[0] !== undefined && waiting[0].dueAt <= now()) {
      const next = waiting.shift();
      if (next) apply(next.asset, next.change, next.userId);
    }
    schedule();
  };

  const schedule = (): void => {
    const first = waiting[0];
    if (timer !== undefined || first === undefined) return;
    timer = setTimeout(run, Math.max(0, first.dueAt - now()));
    // A waiting change must not keep a test runner or a stopping process alive.
    timer.unref();
  };

  return {
    enqueue(asset, change, userId) {
      const delay = delayMs();
      if (delay <= 0 && waiting.length === 0) {
        apply(asset, change, userId);
        return;
      }
      // Never before a change accepted earlier, even when the delay was shortened in between.
      const dueAt = Math.max(now() + delay, lastDueAt);
      lastDueAt = dueAt;
      waiting.push({ asset, change, userId, dueAt });
      schedule();
    },
    pendingFor: (asset) => waiting.filter((entry) => entry.asset === asset).map((entry) => entry.change),
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      waiting.length = 0;
    },
  };
}
