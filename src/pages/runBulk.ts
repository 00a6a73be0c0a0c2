import { ApiError } from "../api";
import type { BulkPartResponse, BulkRequest } from "../api/bulkMultipart";
import { readPartOutcome } from "../api/readPartOutcome";
import { messageOf } from "../lib/messageOf";

/** One change to one asset, sent as one sub-request of a batch. */
export interface BulkItem {
  /** Unique within a run; a retry keeps it, so the report lines up. */
  key: string;
  assetId: string;
  assetTitle: string;
  /** What the change does, for the report: "add keyword “beach”". */
  what: string;
  request: BulkRequest;
}

export type BulkOutcome =
  | { state: "succeeded" }
  | { state: "failed"; status?: number; reason: string }
  /** Cancelled before it was sent: it was never applied. */
  | { state: "notSent" };

export interface BulkResult {
  item: BulkItem;
  outcome: BulkOutcome;
}

export interface BulkProgress {
  total: number;
  succeeded: number;
  failed: number;
  /** Seconds MediaValet asked to wait before the next try, while waiting (a 429). */
  waitingSeconds?: number;
}

/** Sends one batch (`POST /bulk`) and returns its answers in order; throws ApiError when the batch as a whole fails. */
export type SendBatch = (requests: BulkRequest[], signal: AbortSignal) => Promise<BulkPartResponse[]>;

export interface RunBulkOptions {
  items: readonly BulkItem[];
  send: SendBatch;
  signal?: AbortSignal;
  /** MediaValet's SDK sends 200 per batch, and the API refuses more. */
  batchSize?: number;
  /** Batches in flight at once: enough to overlap waiting, few enough not to be throttled. */
  concurrency?: number;
  /** How many 429s one batch waits out before its items are reported as failed. */
  maxThrottleWaits?: number;
  onProgress?: (progress: BulkProgress) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const MAX_BULK_PARTS = 200;
const DEFAULT_THROTTLE_WAIT_SECONDS = 5;
const MAX_THROTTLE_WAIT_SECONDS = 120;

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Applies `items` through `POST /bulk`: batches of at most 200, a few at a time, waiting out a whole-batch 429 as
 * long as `Retry-After` says. Every item ends with its own outcome: partial failure is reported, never hidden. On
 * cancel, batches already sent finish (MediaValet may be applying them) and the rest are reported as not sent.
 */
export async function runBulk(options: RunBulkOptions): Promise<BulkResult[]> {
  const batchSize = Math.min(options.batchSize ?? MAX_BULK_PARTS, MAX_BULK_PARTS);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const maxWaits = options.maxThrottleWaits ?? 5;
  const sleep = options.sleep ?? sleepUnlessAborted;
  const signal = options.signal ?? new AbortController().signal;
  const outcomes = new Map<string, BulkOutcome>();
  const progress: BulkProgress = { total: options.items.length, succeeded: 0, failed: 0 };
  const report = () => options.onProgress?.({ ...progress });

  const settle = (item: BulkItem, outcome: BulkOutcome) => {
    outcomes.set(item.key, outcome);
    if (outcome.state === "succeeded") progress.succeeded++;
    if (outcome.state === "failed") progress.failed++;
  };

  const batches: BulkItem[][] = [];
  for (let start = 0; start < options.items.length; start += batchSize) {
    batches.push(options.items.slice(start, start + batchSize));
  }

  const runBatch = async (batch: BulkItem[]) => {
    for (let waits = 0; ; waits++) {
      if (signal.aborted) return;
      try {
        const answers = await options.send(
          batch.map((item) => item.request),
          signal,
        );
        batch.forEach((item, index) => {
          const answer = answers[index];
          settle(
            item,
            answer === undefined
              ? {
                  state: "failed",
                  reason: `MediaValet answered ${answers.length} of ${batch.length} requests.`,
                }
              : readPartOutcome(answer),
          );
        });
        return;
      } catch (error) {
        if (error instanceof ApiError && error.code === "aborted") return;
        if (error instanceof ApiError && error.code === "throttled" && waits < maxWaits) {
          const seconds = Math.min(
            error.retryAfterSeconds ?? DEFAULT_THROTTLE_WAIT_SECONDS,
            MAX_THROTTLE_WAIT_SECONDS,
          );
          progress.waitingSeconds = seconds;
          report();
          await sleep(seconds * 1000, signal);
          delete progress.waitingSeconds;
          report();
          continue;
        }
        const reason = messageOf(error);
        const status = error instanceof ApiError ? error.status : undefined;
        for (const item of batch) {
          settle(
            item,
            status === undefined ? { state: "failed", reason } : { state: "failed", status, reason },
          );
        }
        return;
      } finally {
        report();
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < batches.length && !signal.aborted) {
      const batch = batches[next++];
      if (batch) await runBatch(batch);
    }
  };
  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return options.items.map((item) => ({ item, outcome: outcomes.get(item.key) ?? { state: "notSent" } }));
}

/** The items to send again: those that failed or were never sent. Succeeded ones are left alone, never applied twice. */
export function itemsToRetry(results: readonly BulkResult[]): BulkItem[] {
  return results.filter((result) => result.outcome.state !== "succeeded").map((result) => result.item);
}

/** Merges a retry's results into the earlier report, item by item. */
export function mergeResults(earlier: readonly BulkResult[], retried: readonly BulkResult[]): BulkResult[] {
  const latest = new Map(retried.map((result) => [result.item.key, result]));
  return earlier.map((result) => latest.get(result.item.key) ?? result);
}
