import { Show } from "solid-js";
import { pageInfo } from "./pageInfo";

export interface PagerProps {
  /** Zero-based index of the first item shown. */
  offset: number;
  /** Items per page. */
  pageSize: number;
  /** Items shown on this page. */
  shown: number;
  total: number;
  onPage: (offset: number) => void;
}

/** "Showing 1–50 of 212 · page 1 of 5", with first, previous, next and last. */
export function Pager(props: PagerProps) {
  const info = () => pageInfo(props.offset, props.pageSize, props.shown, props.total);
  const go = (offset: number | undefined) => {
    if (offset !== undefined) props.onPage(offset);
  };
  return (
    <nav class="pager" aria-label="Pages">
      <p aria-live="polite" data-testid="pager-status">
        Showing {info().first}–{info().last} of {props.total}
        <Show when={info().pageCount > 1}>
          {" "}
          · page {info().page} of {info().pageCount}
        </Show>
      </p>
      <Show when={info().pageCount > 1}>
        <div class="actions">
          <button type="button" disabled={info().previousOffset === undefined} onClick={() => go(0)}>
            First
          </button>
          <button
            type="button"
            disabled={info().previousOffset === undefined}
            onClick={() => go(info().previousOffset)}
          >
            Previous
          </button>
          <button
            type="button"
            disabled={info().nextOffset === undefined}
            onClick={() => go(info().nextOffset)}
          >
            Next
          </button>
          <button
            type="button"
            disabled={info().nextOffset === undefined}
            onClick={() => go(info().lastOffset)}
          >
            Last
          </button>
        </div>
      </Show>
    </nav>
  );
}
