import { createResource, onCleanup, onMount, Show } from "solid-js";
import { useApi } from "./ApiContext";
import type { SelectedAsset } from "./createSelection";
import { loadMetadataRecords } from "./loadMetadataRecords";
import { toCsvRows } from "./metadataCsv";

/** Writes the selection's metadata as CSV and offers it as a file; papaparse loads only now. */
export default function CsvExport(props: { assets: readonly SelectedAsset[]; onClose: () => void }) {
  const api = useApi();
  let dialog: HTMLDialogElement | undefined;
  onMount(() => dialog?.showModal());
  const [file] = createResource(async () => {
    const [papa, records, attributes] = await Promise.all([
      import("papaparse"),
      loadMetadataRecords(api, props.assets),
      api.listAttributes(),
    ]);
    const used = attributes.filter((attribute) =>
      records.some((record) => attribute.id in record.attributes),
    );
    const csv = papa.unparse(toCsvRows(records, used), { newline: "\r\n" });
    return URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  });
  onCleanup(() => {
    const url = file.state === "ready" ? file() : undefined;
    if (url) URL.revokeObjectURL(url);
  });

  return (
    <dialog
      ref={(element) => (dialog = element)}
      class="bulk-dialog"
      aria-labelledby="csv-export-title"
      onClose={() => props.onClose()}
    >
      <h2 id="csv-export-title">Export {props.assets.length} assets as CSV</h2>
      <p>
        Columns: id, title, description, altText, keywords (separated by “; ”) and each attribute the assets
        use. Edit it in a spreadsheet, keep the id column, and import it again.
      </p>
      <Show
        when={!file.error}
        fallback={
          <p role="alert">
            The metadata could not be read: {String((file.error as Error)?.message ?? file.error)}
          </p>
        }
      >
        <Show when={file()} fallback={<p role="status">Reading the assets’ metadata…</p>}>
          {(url) => (
            <a class="button" href={url()} download="valet-metadata.csv">
              Download valet-metadata.csv
            </a>
          )}
        </Show>
      </Show>
      <button type="button" onClick={() => dialog?.close()}>
        Close
      </button>
    </dialog>
  );
}
