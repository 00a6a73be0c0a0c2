import type { JSX } from "solid-js";
import type { BulkRun } from "./createBulkRun";

export interface BulkRunProgressProps {
  run: Pick<BulkRun, "progress" | "cancel">;
  /** The id of the progress line, unique on the page: it names the progress bar. */
  labelId: string;
  /** Said after "N of M changes done", e.g. how many failed so far. */
  children?: JSX.Element;
}

/** A running bulk run: how many changes are done of how many, a progress bar, and Cancel. */
export function BulkRunProgress(props: BulkRunProgressProps) {
  // Failed changes are done too: the bar measures how far the run has got, not how well.
  const done = () => (props.run.progress()?.succeeded ?? 0) + (props.run.progress()?.failed ?? 0);
  const total = () => props.run.progress()?.total ?? 0;
  return (
    <>
      <p id={props.labelId}>
        {done()} of {total()} changes done
        {props.children}
      </p>
      <progress aria-labelledby={props.labelId} max={total()} value={done()} />
      <button type="button" onClick={() => props.run.cancel()}>
        Cancel
      </button>
    </>
  );
}
