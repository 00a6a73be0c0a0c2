import { createResource, onCleanup, type ResourceReturn } from "solid-js";

/**
 * A resource whose every fetch gets an AbortSignal: a newer fetch aborts the one before it, and leaving the page
 * aborts the last, so no request outlives the page that wanted it.
 */
export function createAbortableResource<S, T>(
  source: () => S | false | null | undefined,
  fetcher: (value: S, signal: AbortSignal) => Promise<T>,
): ResourceReturn<T> {
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  return createResource(source, (value) => {
    controller?.abort();
    controller = new AbortController();
    return fetcher(value, controller.signal);
  });
}
