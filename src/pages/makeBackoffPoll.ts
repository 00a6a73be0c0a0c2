/** How long to wait before each re-read: doubling from half a second, about 30 seconds in all. */
export const BACKOFF_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 16000];

export interface BackoffPollOptions {
  /** The wait before each attempt; the poll gives up after the last. */
  delaysMs?: readonly number[];
  /** Called once when every attempt has passed without `check` answering true. */
  onGiveUp: () => void;
}

/**
 * Runs `check` after each delay until it answers true, then stops; a check that fails counts as "not yet".
 * Non-reactive: it returns its undo, which stops the waiting and aborts a check in flight (hand it to onCleanup).
 */
export function makeBackoffPoll(
  check: (signal: AbortSignal) => Promise<boolean>,
  options: BackoffPollOptions,
): () => void {
  const delays = options.delaysMs ?? BACKOFF_DELAYS_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const attempt = (index: number) => {
    const wait = delays[index];
    if (wait === undefined) {
      options.onGiveUp();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      check(controller.signal).then(
        (done) => {
          if (!done && !controller.signal.aborted) attempt(index + 1);
        },
        () => {
          if (!controller.signal.aborted) attempt(index + 1);
        },
      );
    }, wait);
  };
  attempt(0);

  return () => {
    controller.abort();
    if (timer !== undefined) clearTimeout(timer);
  };
}
