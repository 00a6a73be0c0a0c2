import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import { afterNextPaint } from "../lib/afterNextPaint";

/**
 * Whether a listing's first results (or its failure) have been painted; true from then on. What that first paint
 * does not need (filter counts and definitions, saved searches, the selection bar's permissions) waits for it: the
 * search goes out alone, and the task that puts the results in the page does not also build those panels and send
 * their requests (issue 16).
 * @param settled whether the listing's request has answered
 */
export function createResultsShown(settled: () => boolean): Accessor<boolean> {
  const [shown, setShown] = createSignal(false);
  createEffect(() => {
    if (shown() || !settled()) return;
    onCleanup(afterNextPaint(() => setShown(true)));
  });
  return shown;
}
