import type { ArchiveDownload } from "../api/downloadEndpoints";
import { archiveProgress, type ArchiveProgress } from "./archiveProgress";

export interface ArchiveFollowOptions {
  /** How long to wait between reads; MediaValet builds archives in seconds to minutes. */
  intervalMs?: number;
  /** Give up after this long, saying so, rather than poll without end. */
  timeoutMs?: number;
  onProgress: (progress: ArchiveProgress) => void;
  /** A read failed (network, 403, 404…); following stops. */
  onError: (error: unknown) => void;
}

const DEFAULT_INTERVAL_MS = 1000;
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Reads an archive's state now and then every `intervalMs` until it is ready, failed or expired, reporting each
 * state. Non-reactive: it returns its undo, which stops the waiting and aborts a read in flight (hand it to
 * onCleanup).
 */
export function makeArchiveFollow(
  read: (signal: AbortSignal) => Promise<ArchiveDownload>,
  options: ArchiveFollowOptions,
): () => void {
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const controller = new AbortController();
  const startedAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const step = () => {
    timer = undefined;
    read(controller.signal).then(
      (archive) => {
        if (controller.signal.aborted) return;
        const progress = archiveProgress(archive);
        options.onProgress(progress);
        if (progress.kind !== "working") return;
        if (Date.now() - startedAt >= (options.timeoutMs ?? DEFAULT_TIMEOUT_MS)) {
          options.onProgress({
            kind: "failed",
            message:
              "MediaValet is taking unusually long to build the archive. Start the download again later, or download fewer assets at a time.",
          });
          return;
        }
        timer = setTimeout(step, interval);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) options.onError(error);
      },
    );
  };
  step();

  return () => {
    controller.abort();
    if (timer !== undefined) clearTimeout(timer);
  };
}
