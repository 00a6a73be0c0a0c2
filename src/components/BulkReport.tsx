import { A } from "@solidjs/router";
import { For, Show } from "solid-js";

/** One asset's line in the report. */
export interface ReportLine {
  key: string;
  assetId: string;
  assetTitle: string;
  what: string;
  state: "succeeded" | "failed" | "notSent";
  /** MediaValet's reason, for a failure. */
  reason?: string;
}

/**
 * The end of a bulk run: how many changes succeeded, and each one that failed or was not sent, with MediaValet's
 * reason. Partial failure is normal, so it is shown plainly, never summarised away.
 */
export function BulkReport(props: { lines: readonly ReportLine[]; onRetry: () => void; busy?: boolean }) {
  const failed = () => props.lines.filter((line) => line.state !== "succeeded");
  const succeeded = () => props.lines.length - failed().length;
  return (
    <section aria-labelledby="bulk-report-heading" class="bulk-report">
      <h3 id="bulk-report-heading">Report</h3>
      <p role="status" data-testid="bulk-summary">
        {succeeded()} of {props.lines.length} changes succeeded
        {failed().length > 0 ? `; ${failed().length} did not.` : "."}
      </p>
      <Show when={failed().length > 0}>
        <ul class="bulk-report-failed" aria-label="Changes that did not succeed">
          <For each={failed()}>
            {(line) => (
              <li data-testid="bulk-failed">
                <A href={`/assets/${encodeURIComponent(line.assetId)}`}>{line.assetTitle}</A>: {line.what} —{" "}
                {line.state === "notSent"
                  ? "not sent (cancelled)"
                  : `failed: ${line.reason ?? "no reason given"}`}
              </li>
            )}
          </For>
        </ul>
        <button type="button" onClick={() => props.onRetry()} disabled={props.busy}>
          Retry the failed ones
        </button>
      </Show>
    </section>
  );
}
