import { useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { PAGE_SIZE } from "../api";
import { AssetGrid } from "../components/AssetGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { LibraryFilters } from "../components/LibraryFilters";
import { Pager } from "../components/Pager";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import {
  ASSET_TYPES,
  LIBRARY_SORTS,
  readLibrarySearch,
  sameLibrarySearch,
  toAssetSearch,
  writeLibrarySearch,
  type LibrarySearch,
} from "./LibrarySearch";
import { toAssetTile } from "./toAssetTile";

const TYPE_OPTIONS = ASSET_TYPES.map((value) => ({
  value,
  label: { image: "Images", video: "Videos", document: "Documents" }[value],
}));
const SORT_OPTIONS = LIBRARY_SORTS.map((value) => ({
  value,
  label: { newest: "Newest first", oldest: "Oldest first", title: "Title (A–Z)" }[value],
}));

/** The asset library: search, type filter, sort, a grid of thumbnails and paging, all kept in the URL. */
export default function LibraryPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const state = createMemo(() => readLibrarySearch(params), undefined, { equals: sameLibrarySearch });
  const [page, { refetch }] = createAbortableResource(
    () => state(),
    (search, signal) => api.searchAssets(toAssetSearch(search, PAGE_SIZE), signal),
  );

  // Every change is a new history entry, so Back and Forward step through searches.
  const go = (change: Partial<LibrarySearch>) =>
    setParams(writeLibrarySearch({ ...state(), offset: 0, ...change }));

  return (
    <>
      <h1 tabindex="-1">Library</h1>
      <LibraryFilters
        search={state().search}
        type={state().type ?? ""}
        sort={state().sort}
        types={TYPE_OPTIONS}
        sorts={SORT_OPTIONS}
        onSearch={(search) => go({ search })}
        onType={(type) => go({ type: readLibrarySearch({ type }).type })}
        onSort={(sort) => go({ sort: readLibrarySearch({ sort }).sort })}
      />
      <AsyncBoundary
        loading="Loading assets…"
        errorTitle="The library could not be loaded"
        onRetry={() => void refetch()}
      >
        <Show when={page()}>
          {(result) => (
            <Show
              when={result().assets.length > 0}
              fallback={
                <p role="status" class="empty">
                  {state().search || state().type
                    ? "No assets match this search. Try other words or another type."
                    : "This library has no assets yet."}
                </p>
              }
            >
              <AssetGrid tiles={result().assets.map(toAssetTile)} />
              <Pager
                offset={result().offset}
                pageSize={PAGE_SIZE}
                shown={result().assets.length}
                total={result().total}
                onPage={(offset) => {
                  go({ ...state(), offset });
                  // The pager sits below the grid; the new page starts at the top.
                  window.scrollTo({ top: 0 });
                }}
              />
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </>
  );
}
