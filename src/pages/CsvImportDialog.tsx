import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { BulkReport } from "../components/BulkReport";
import { toReportLines } from "./BulkDialog";
import { BulkRunProgress } from "./BulkRunProgress";
import { createBulkRun } from "./createBulkRun";
import { useApi } from "./ApiContext";
import type { SelectedAsset } from "./createSelection";
import { loadMetadataRecords } from "./loadMetadataRecords";
import { changeItems, readMetadataCsv, type AssetChange } from "./metadataCsv";
import { messageOf } from "../lib/messageOf";

type Step =
  | { kind: "choose" }
  | { kind: "reading" }
  | { kind: "problems"; problems: string[] }
  | { kind: "preview"; changes: AssetChange[] };

/**
 * Imports an edited metadata CSV for the selection: every problem named by line (nothing is sent until the file is
 * fixed), else a field-by-field preview of what will change, then the changes through the same bulk path and report.
 */
export default function CsvImportDialog(props: { assets: readonly SelectedAsset[]; onClose: () => void }) {
  const api = useApi();
  let dialog: HTMLDialogElement | undefined;
  onMount(() => dialog?.showModal());
  const [step, setStep] = createSignal<Step>({ kind: "choose" });
  const [problem, setProblem] = createSignal<string>();
  const run = createBulkRun((requests, signal) => api.sendBulk(requests, signal));

  const read = async (file: File) => {
    setProblem(undefined);
    setStep({ kind: "reading" });
    try {
      const [papa, text, records, attributes] = await Promise.all([
        import("papaparse"),
        file.text(),
        loadMetadataRecords(api, props.assets),
        api.listAttributes(),
      ]);
      const parsed = papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
      const reading = readMetadataCsv(
        parsed.data,
        parsed.errors.map((error) => ({ row: error.row ?? 0, message: error.message })),
        new Map(records.map((record) => [record.id, record])),
        attributes,
      );
      setStep(
        reading.ok
          ? { kind: "preview", changes: reading.changes }
          : { kind: "problems", problems: reading.problems },
      );
    } catch (error) {
      setStep({ kind: "choose" });
      setProblem(messageOf(error));
    }
  };

  const apply = async (changes: AssetChange[]) => {
    try {
      const needsIds = changes.some((change) => change.removeKeywords.length > 0);
      const keywords = needsIds ? await api.listKeywords() : [];
      const ids = new Map(keywords.map((keyword) => [keyword.keywordName.toLowerCase(), keyword.id]));
      await run.start(changeItems(changes, ids));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <dialog
      ref={(element) => (dialog = element)}
      class="bulk-dialog"
      aria-labelledby="csv-import-title"
      onClose={() => {
        run.cancel();
        props.onClose();
      }}
    >
      <h2 id="csv-import-title">Import metadata from CSV — {props.assets.length} selected assets</h2>
      <Switch>
        <Match when={run.state() === "running"}>
          <BulkRunProgress run={run} labelId="csv-progress-label" />
        </Match>
        <Match when={run.state() === "done"}>
          <BulkReport lines={toReportLines(run.results())} onRetry={() => void run.retryFailed()} />
        </Match>
        <Match when={step().kind === "reading"}>
          <p role="status">Reading the file and the assets’ current metadata…</p>
        </Match>
        <Match when={true}>
          <label for="csv-file">CSV file (as exported, with the id column)</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void read(file);
            }}
          />
          <Show when={step().kind === "problems" ? (step() as { problems: string[] }).problems : undefined}>
            {(problems) => (
              <div role="alert">
                <p>Nothing was sent. Fix these lines and choose the file again:</p>
                <ul class="csv-problems" aria-label="Problems in the file">
                  <For each={problems()}>{(line) => <li>{line}</li>}</For>
                </ul>
              </div>
            )}
          </Show>
          <Show when={step().kind === "preview" ? (step() as { changes: AssetChange[] }).changes : undefined}>
            {(changes) => (
              <section aria-labelledby="csv-preview-title">
                <h3 id="csv-preview-title">
                  {changes().length === 0
                    ? "Nothing changes"
                    : `What will change (${changes().length} assets)`}
                </h3>
                <Show when={changes().length > 0}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Asset</th>
                        <th scope="col">Field</th>
                        <th scope="col">Now</th>
                        <th scope="col">Becomes</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For
                        each={changes().flatMap((change) =>
                          change.fields.map((field) => ({ change, field })),
                        )}
                      >
                        {(row) => (
                          <tr data-testid="csv-change">
                            <td>{row.change.title}</td>
                            <td>{row.field.column}</td>
                            <td>{row.field.from}</td>
                            <td>{row.field.to}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                  <button type="button" onClick={() => void apply(changes())}>
                    Apply these changes
                  </button>
                </Show>
              </section>
            )}
          </Show>
        </Match>
      </Switch>
      <Show when={problem()}>
        <p role="alert">{problem()}</p>
      </Show>
      <button type="button" onClick={() => dialog?.close()}>
        Close
      </button>
    </dialog>
  );
}
