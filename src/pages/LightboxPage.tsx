import { A, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, lazy, Show, Suspense } from "solid-js";
import { PAGE_SIZE } from "../api";
import { lightboxContainerFilter } from "../api/lightboxContainerFilter";
import { AssetGrid } from "../components/AssetGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { Pager } from "../components/Pager";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { firstParam } from "./firstParam";
import { messageOf } from "../lib/messageOf";
import { notPermittedMessage, permits } from "./permits";
import { toAssetTile } from "./toAssetTile";

const DownloadSelection = lazy(() => import("./DownloadSelection"));

/**
 * One lightbox: its assets in the library's grid (a search scoped to it with MediaValet's `containerFilter`), paged,
 * with the chosen ones removable by those who may change it, and all or the chosen ones downloadable as a zip.
 */
export default function LightboxPage() {
  const api = useApi();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const id = () => params["id"];
  const offset = () => {
    const value = Number(firstParam(search["offset"]));
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  };
  const [lightbox, lightboxActions] = createAbortableResource(id, (lightboxId, signal) =>
    api.getLightbox(lightboxId, signal),
  );
  const query = createMemo(
    () => {
      const lightboxId = id();
      return lightboxId === undefined ? undefined : { lightboxId, offset: offset() };
    },
    undefined,
    { equals: (a, b) => a?.lightboxId === b?.lightboxId && a?.offset === b?.offset },
  );
  const [assets, assetActions] = createAbortableResource(
    () => query(),
    (current, signal) =>
      api.searchAssets(
        {
          containerFilter: lightboxContainerFilter(current.lightboxId),
          sort: "title A",
          count: PAGE_SIZE,
          offset: current.offset,
        },
        signal,
      ),
  );
  const [userPermissions] = createAbortableResource(
    () => true,
    (_, signal) => api.getCurrentPermissions(signal).catch(() => undefined),
  );
  const mayDownload = () =>
    permits("asset:download", userPermissions.state === "ready" ? userPermissions() : undefined);
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [removing, setRemoving] = createSignal(false);
  const [downloading, setDownloading] = createSignal(false);

  const ready = () => (lightbox.state === "ready" ? lightbox() : undefined);
  const mayChange = () => {
    const current = ready();
    return current !== undefined && permits("lightbox:editAssets", current.permissions);
  };
  const shownIds = () => (assets.state === "ready" ? assets().assets.map((asset) => asset.id) : []);
  const toDownload = () => (chosen().size > 0 ? [...chosen()] : shownIds());

  async function removeChosen() {
    const lightboxId = id();
    if (lightboxId === undefined) return;
    const ids = [...chosen()];
    setRemoving(true);
    setError(undefined);
    const failed: string[] = [];
    let lastError: unknown;
    for (const assetId of ids) {
      try {
        await api.removeLightboxAsset(lightboxId, assetId);
      } catch (failure) {
        failed.push(assetId);
        lastError = failure;
      }
    }
    setRemoving(false);
    setChosen(new Set(failed));
    const removed = ids.length - failed.length;
    setNotice(removed > 0 ? `Removed ${removed} asset${removed === 1 ? "" : "s"} from this lightbox.` : "");
    if (failed.length > 0) {
      setError(`${failed.length} could not be removed (still chosen): ${messageOf(lastError)}`);
    }
    void lightboxActions.refetch();
    void assetActions.refetch();
  }

  return (
    <>
      <p class="back-link">
        <A href="/lightboxes">Back to the lightboxes</A>
      </p>
      <h1 tabindex="-1">{ready()?.name ?? "Lightbox"}</h1>
      <AsyncBoundary
        loading="Loading the lightbox…"
        errorTitle="The lightbox could not be loaded"
        onRetry={() => void lightboxActions.refetch()}
      >
        <Show when={lightbox()}>
          {(current) => (
            <>
              <Show when={current().description}>
                <p class="lede">{current().description}</p>
              </Show>
              <Show when={!permits("lightbox:editAssets", current().permissions)}>
                <p>
                  {current().ownerName ? `Shared with you by ${current().ownerName}: ` : ""}you can look at
                  and download these assets, but not add or remove them.
                </p>
              </Show>
            </>
          )}
        </Show>
      </AsyncBoundary>
      <p role="status" class="notice">
        {notice()}
      </p>
      <Show when={error()}>
        {(message) => (
          <p role="alert" class="form-error">
            {message()}
          </p>
        )}
      </Show>
      <AsyncBoundary
        loading="Loading its assets…"
        errorTitle="The lightbox's assets could not be loaded"
        onRetry={() => void assetActions.refetch()}
      >
        <Show when={assets()}>
          {(page) => (
            <Show
              when={page().assets.length > 0}
              fallback={
                <p class="empty">
                  This lightbox is empty. Open an asset in the <A href="/assets">library</A> and choose “Add
                  to lightbox”.
                </p>
              }
            >
              <>
                <div class="inline-actions">
                  <Show when={mayChange()}>
                    <button
                      type="button"
                      disabled={chosen().size === 0 || removing()}
                      onClick={() => void removeChosen()}
                    >
                      {chosen().size === 0
                        ? "Remove chosen from lightbox"
                        : `Remove ${chosen().size} chosen from lightbox`}
                    </button>
                  </Show>
                  <Show
                    when={mayDownload()}
                    fallback={<p class="empty">{notPermittedMessage("asset:download")}</p>}
                  >
                    <Show when={!downloading()}>
                      <button type="button" onClick={() => setDownloading(true)}>
                        Download…
                      </button>
                    </Show>
                  </Show>
                </div>
                <Show when={downloading() && mayDownload()}>
                  <Suspense fallback={<p class="loading">Loading the download…</p>}>
                    <DownloadSelection
                      assetIds={toDownload()}
                      {...(ready()?.name ? { zipFileName: ready()?.name } : {})}
                    />
                  </Suspense>
                </Show>
                <AssetGrid
                  label="Assets in this lightbox"
                  tiles={page().assets.map(toAssetTile)}
                  selection={{
                    isSelected: (assetId) => chosen().has(assetId),
                    onToggle: (tile) =>
                      setChosen((current) => {
                        const next = new Set(current);
                        if (next.has(tile.id)) next.delete(tile.id);
                        else next.add(tile.id);
                        return next;
                      }),
                  }}
                />
                <Pager
                  offset={page().offset}
                  pageSize={PAGE_SIZE}
                  shown={page().assets.length}
                  total={page().total}
                  onPage={(next) => setSearch({ offset: next > 0 ? String(next) : undefined })}
                />
              </>
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </>
  );
}
