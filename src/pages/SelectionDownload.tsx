import { createSignal, lazy, Show, Suspense } from "solid-js";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { notPermittedMessage, permits } from "./permits";

const DownloadSelection = lazy(() => import("./DownloadSelection"));

/**
 * The selection bar's download action: a button that, once pressed, loads the archive download for the chosen
 * assets (see DownloadSelection). Nothing of the download flow loads before that; a person who may not download is
 * told so instead of being offered the button.
 */
export function SelectionDownload(props: { assetIds: readonly string[] }) {
  const api = useApi();
  const [open, setOpen] = createSignal(false);
  const [userPermissions] = createAbortableResource(
    () => true,
    (_, signal) => api.getCurrentPermissions(signal).catch(() => undefined),
  );
  const allowed = () =>
    permits("asset:download", userPermissions.state === "ready" ? userPermissions() : undefined);
  return (
    <Show when={allowed()} fallback={<span class="empty">{notPermittedMessage("asset:download")}</span>}>
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
    </Show>
  );
}
