/**
 * Runs `task` when the browser is idle (soon after, where it cannot say when it is idle): for work that only
 * readies something a person will wait for later, and must not slow down what they wait for now.
 */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task);
  else setTimeout(task, 1);
}
