import { createSignal, lazy, Show, Suspense } from "solid-js";

const DownloadSelection = lazy(() => import("./DownloadSelection"));

/**
 * The selection bar's download action: a button that, once pressed, loads the archive download for the chosen
 * assets (see DownloadSelection). Nothing of the download flow loads before that.
 */
export function SelectionDownload(props: { assetIds: readonly string[] }) {
  const [open, setOpen] = createSignal(false);
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" onClick={() => setOpen(true)}>
          Download…
        </button>
      }
    >
      <Suspense fallback={<span class="loading">Loading the download…</span>}>
        <DownloadSelection assetIds={props.assetIds} zipFileName="selection" />
      </Suspense>
    </Show>
  );
}
