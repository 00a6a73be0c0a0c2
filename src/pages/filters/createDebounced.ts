import { createSignal, createEffect, on, onCleanup, type Accessor } from "solid-js";

/**
 * Follows `source` once it has been still for `ms`: a burst of changes (ticking three boxes) becomes one value, so
 * one search and one facets request. The first value passes at once, so a page does not wait to load.
 */
export function createDebounced<T>(
  source: Accessor<T>,
  ms: number,
  equals?: (a: T, b: T) => boolean,
): Accessor<T> {
  const [value, setValue] = createSignal<T>(source(), { equals: equals ?? Object.is });
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      source,
      (next) => {
        clearTimeout(timer);
        timer = setTimeout(() => setValue(() => next), ms);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return value;
}
