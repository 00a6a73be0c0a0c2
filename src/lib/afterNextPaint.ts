/**
 * Runs `task` once the browser has painted what the page shows now: in a task of its own after the next frame. For
 * work that must not hold back the frame a person is waiting for (their results) but should follow it closely.
 *
 * A hidden page gets no frames, so there it runs in the next task; a page hidden while it waits for the frame runs
 * it after `fallbackMs` at most.
 * @returns cancels the task if it has not run yet
 */
export function afterNextPaint(task: () => void, fallbackMs = 100): () => void {
  let pending = true;
  const run = () => {
    if (!pending) return;
    cancel();
    task();
  };
  const fallback = setTimeout(run, document.visibilityState === "hidden" ? 0 : fallbackMs);
  // The frame's callbacks run before it is painted; the task queued from them runs after.
  const frame = requestAnimationFrame(() => setTimeout(run, 0));
  function cancel() {
    pending = false;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  }
  return cancel;
}
