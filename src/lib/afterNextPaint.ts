/**
 * Runs `run` once the browser has painted what the DOM holds now: a frame callback comes just before a paint, and a
 * task queued from it runs just after. A hidden page paints nothing and gets no frames, so there it waits for a task
 * only.
 */
export function afterNextPaint(run: () => void): void {
  if (document.visibilityState === "hidden" || typeof requestAnimationFrame !== "function") {
    setTimeout(run);
    return;
  }
  requestAnimationFrame(() => setTimeout(run));
}
