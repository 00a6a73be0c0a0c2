import { useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { PAGE_SIZE } from "../api";
import { ResultsGrid } from "./ResultsGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { LibraryFilters } from "../components/LibraryFilters";
import { Pager } from "../components/Pager";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { createResultsShown } from "./createResultsShown";
import { buildFilters } from "./filters/buildFilters";
import { createDebounced } from "./filters/createDebounced";
import { FilteredView } from "./filters/FilteredView";
import { hasFilters } from "./filters/FilterState";
import { SavedSearchesPanel } from "./filters/SavedSearchesPanel";
import {
  LIBRARY_SORT_OPTIONS,
  readLibrarySearch,
  sameLibrarySearch,
  toAssetSearch,
  writeLibrarySearch,
  type LibrarySearch,
} from "./LibrarySearch";
import { readRange, useListingSelection } from "./SelectionPanel";
import { SelectionDownload } from "./SelectionDownload";
import { toAssetTile } from "./toAssetTile";

/** The asset library: search, type filter, sort, a grid of thumbnails and paging, all kept in the URL. */
export default function LibraryPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const state = createMemo(() => readLibrarySearch(params), undefined, { equals: sameLibrarySearch });
  // A burst of changes (three boxes ticked) settles into one search and one facets request.
  const settled = createDebounced(() => state(), 250, sameLibrarySearch);
  const facetQuery = createMemo(
    () => ({ search: settled().search, filters: buildFilters(settled().filters) }),
    undefined,
    { equals: (a, b) => a.search === b.search && a.filters === b.filters },
  );
  const [page, { refetch }] = createAbortableResource(
    () => settled(),
    (search, signal) => api.searchAssets(toAssetSearch(search, PAGE_SIZE), signal),
  );

  const resultsIn = createResultsShown(() => page.state === "ready" || page.state === "errored");

  const picking = useListingSelection(api, () => {
    // `latest` would throw the failure here, outside the boundary that shows it.
    const result = page.state === "errored" ? undefined : page.latest;
    if (!result) return undefined;
    const search = settled();
    return {
      listing: JSON.stringify({ ...search, offset: 0 }),
      offset: result.offset,
      total: result.total,
      assets: result.assets,
      loadRange: (start, end) =>
        readRange(
          start,
          end,
          async (offset, count) =>
            (await api.searchAssets(toAssetSearch({ ...search, offset }, count))).assets,
        ),
    };
  });

  // Every change is a new history entry, so Back and Forward step through searches.
  const go = (change: Partial<LibrarySearch>) =>
    setParams(writeLibrarySearch({ ...state(), offset: 0, ...change }));

  return (
    <>
      <h1 tabindex="-1">Library</h1>
      <LibraryFilters
        search={state().search}
        sort={state().sort}
        sorts={LIBRARY_SORT_OPTIONS}
        onSearch={(search) => go({ search })}
        onSort={(sort) => go({ sort: readLibrarySearch({ sort }).sort })}
      />
      <FilteredView
        filters={state().filters}
        facetQuery={facetQuery()}
        onChange={(filters) => go({ filters })}
        load={resultsIn()}
        aside={
          <Show when={resultsIn()}>
            <SavedSearchesPanel search={state()} place={{ kind: "library" }} />
          </Show>
        }
      >
        <Show when={resultsIn()}>
          <picking.Panel
            extraActions={<SelectionDownload assetIds={picking.selection.items().map((item) => item.id)} />}
          />
        </Show>
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
                    {state().search || hasFilters(state().filters)
                      ? "No assets match this search. Try other words or fewer filters."
                      : "This library has no assets yet."}
                  </p>
                }
              >
                <ResultsGrid tiles={result().assets.map(toAssetTile)} selection={picking.tileSelection} />
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
      </FilteredView>
    </>
  );
}
