import { Show } from "solid-js";

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

/** "Showing 1–48 of 212", with previous and next. */
export function Pager(props: PagerProps) {
  const first = () => (props.shown === 0 ? 0 : props.offset + 1);
  const last = () => props.offset + props.shown;
  return (
    <nav class="pager" aria-label="Pages">
      <p aria-live="polite">
        Showing {first()}–{last()} of {props.total}
      </p>
      <Show when={props.total > props.pageSize}>
        <div class="actions">
          <button
            type="button"
            disabled={props.offset === 0}
            onClick={() => props.onPage(Math.max(0, props.offset - props.pageSize))}
          >
            Previous
          </button>
          <button
            type="button"
            disabled={last() >= props.total}
            onClick={() => props.onPage(props.offset + props.pageSize)}
          >
            Next
          </button>
        </div>
      </Show>
    </nav>
  );
}
