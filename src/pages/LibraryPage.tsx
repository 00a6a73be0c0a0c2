import { useSearchParams } from "@solidjs/router";
import { createMemo, ErrorBoundary, Show, Suspense } from "solid-js";
import type { Asset } from "../api";
import { AssetGrid, type AssetTile } from "../components/AssetGrid";
import { ErrorPanel } from "../components/ErrorPanel";
import { Pager } from "../components/Pager";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { firstParam } from "./firstParam";

const PAGE_SIZE = 48;

function toTile(asset: Asset): AssetTile {
  return {
    id: asset.id,
    title: asset.title,
    thumbnailUrl: asset.media.thumb ?? "",
    // The caption already gives the title; alt text adds only what the asset's own altText says.
    alt: asset.altText ?? "",
    kind: asset.media.type,
  };
}

function toOffset(value: string | undefined): number {
  const offset = Number(value);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The asset library: search, a grid of thumbnails and paging, all kept in the URL. */
export default function LibraryPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const search = () => (firstParam(params.search) ?? "").trim();
  const offset = () => toOffset(firstParam(params.offset));
  const query = createMemo(() => ({ search: search(), offset: offset() }), undefined, {
    equals: (a, b) => a.search === b.search && a.offset === b.offset,
  });
  const [page, { refetch }] = createAbortableResource(query, (q, signal) =>
    api.listAssets({ search: q.search || undefined, count: PAGE_SIZE, offset: q.offset }, signal),
  );

  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = String(data.get("search") ?? "").trim();
    setParams({ search: text || undefined, offset: undefined });
  };

  return (
    <>
      <h1 tabindex="-1">Library</h1>
      <form role="search" class="search" onSubmit={onSearch}>
        <label for="library-search">Search assets</label>
        <input id="library-search" name="search" type="search" value={search()} autocomplete="off" />
        <button type="submit">Search</button>
      </form>
      <ErrorBoundary
        fallback={(error: unknown, reset) => (
          <ErrorPanel
            title="The library could not be loaded"
            message={error instanceof Error ? error.message : String(error)}
            onRetry={() => {
              void refetch();
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<p role="status">Loading assets…</p>}>
          <Show when={page()}>
            {(result) => (
              <Show
                when={result().assets.length > 0}
                fallback={
                  <p role="status">
                    {search() ? `No assets match “${search()}”.` : "This library has no assets yet."}
                  </p>
                }
              >
                <AssetGrid tiles={result().assets.map(toTile)} />
                <Pager
                  offset={result().offset}
                  pageSize={PAGE_SIZE}
                  shown={result().assets.length}
                  total={result().total}
                  onPage={(next) => setParams({ offset: next || undefined })}
                />
              </Show>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
