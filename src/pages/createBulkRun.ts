import { createSignal, onCleanup } from "solid-js";
import {
  itemsToRetry,
  mergeResults,
  runBulk,
  type BulkItem,
  type BulkProgress,
  type BulkResult,
  type SendBatch,
} from "./runBulk";

export type BulkRunState = "idle" | "running" | "done";

export interface BulkRun {
  readonly state: () => BulkRunState;
  readonly progress: () => BulkProgress | undefined;
  /** Every item's latest outcome, in the order they were given. */
  readonly results: () => readonly BulkResult[];
  start(items: readonly BulkItem[]): Promise<void>;
  /** Sends again only the items that failed or were never sent. */
  retryFailed(): Promise<void>;
  cancel(): void;
}

/** A bulk run as reactive state for a dialog: progress while it runs, the per-asset report at the end. */
export function createBulkRun(send: SendBatch): BulkRun {
  const [state, setState] = createSignal<BulkRunState>("idle");
  const [progress, setProgress] = createSignal<BulkProgress>();
  const [results, setResults] = createSignal<readonly BulkResult[]>([]);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  const run = async (items: readonly BulkItem[], merge: boolean) => {
    controller = new AbortController();
    setState("running");
    try {
      const outcome = await runBulk({ items, send, signal: controller.signal, onProgress: setProgress });
      setResults((earlier) => (merge ? mergeResults(earlier, outcome) : outcome));
    } finally {
      setState("done");
    }
  };

  return {
    state,
    progress,
    results,
    start: (items) => run(items, false),
    retryFailed: () => run(itemsToRetry(results()), true),
    cancel: () => controller?.abort(),
  };
}
