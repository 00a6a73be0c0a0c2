import { useParams, useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import type { Category } from "../api";
import { PAGE_SIZE } from "../api";
import { ResultsGrid } from "./ResultsGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { Breadcrumb } from "../components/Breadcrumb";
import { CategoryTree, type TreeItem } from "../components/CategoryTree";
import { LibraryFilters } from "../components/LibraryFilters";
import { Pager } from "../components/Pager";
import { ScopeChoice } from "../components/ScopeChoice";
import { useApi } from "./ApiContext";
import { ancestorsOf, buildCategoryTree, categoryTrail, type CategoryNode } from "./categoryTree";
import { createAbortableResource } from "./createAbortableResource";
import { createResultsShown } from "./createResultsShown";
import { containerFilterFor, type CategoryScope } from "./filters/CategoryScope";
import { buildFilters } from "./filters/buildFilters";
import { createDebounced } from "./filters/createDebounced";
import { FilteredView } from "./filters/FilteredView";
import { hasFilters } from "./filters/FilterState";
import { SavedSearchesPanel } from "./filters/SavedSearchesPanel";
import { firstParam } from "./firstParam";
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

const hrefOf = (id: string) => `/categories/${encodeURIComponent(id)}`;

function toTreeItem(node: CategoryNode): TreeItem {
  return {
    id: node.category.id,
    name: node.category.name,
    href: hrefOf(node.category.id),
    count: node.category.assetCount,
    children: node.children.map(toTreeItem),
  };
}

/** The category tree and, for `/categories/:id`, that category's breadcrumb and assets. */
export default function CategoriesPage() {
  const api = useApi();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const id = () => params["id"];
  // Search, filters, sort and paging within the category, read from the URL as the library reads them.
  const within = createMemo(() => readLibrarySearch(search), undefined, { equals: sameLibrarySearch });
  const scope = (): CategoryScope => (firstParam(search["scope"]) === "below" ? "below" : "only");
  const go = (change: Partial<LibrarySearch>, nextScope = scope()) =>
    setSearch({
      ...writeLibrarySearch({ ...within(), offset: 0, ...change }),
      scope: nextScope === "below" ? "below" : undefined,
    });

  const [all, allActions] = createAbortableResource(
    () => true,
    (_, signal) => api.listCategories(signal),
  );
  const [category, categoryActions] = createAbortableResource(id, (categoryId, signal) =>
    api.getCategory(categoryId, signal),
  );
  const page = createMemo(
    () => {
      const categoryId = id();
      return categoryId === undefined ? undefined : { categoryId, scope: scope(), within: within() };
    },
    undefined,
    {
      equals: (a, b) =>
        a?.categoryId === b?.categoryId &&
        a?.scope === b?.scope &&
        (a === undefined || b === undefined || sameLibrarySearch(a.within, b.within)),
    },
  );
  // One search per settled change, however many boxes were ticked on the way.
  const settled = createDebounced(() => page(), 250);
  type PageQuery = NonNullable<ReturnType<typeof settled>>;
  const readPage = (query: PageQuery, offset: number, count: number, signal?: AbortSignal) => {
    const plain =
      query.scope === "only" &&
      query.within.search === "" &&
      !hasFilters(query.within.filters) &&
      query.within.sort === "newest";
    // The category's own listing when nothing narrows or reorders it; otherwise a search within it.
    return plain
      ? api.listCategoryAssets(query.categoryId, { count, offset }, signal)
      : api.searchAssets(
          toAssetSearch(
            { ...query.within, offset },
            count,
            containerFilterFor(query.categoryId, query.scope),
          ),
          signal,
        );
  };
  const [assets, assetActions] = createAbortableResource(
    () => settled(),
    (query, signal) => {
      return readPage(query, query.within.offset, PAGE_SIZE, signal);
    },
  );
  const facetQuery = createMemo(
    () => {
      const query = settled();
      return {
        search: query?.within.search,
        filters: query ? buildFilters(query.within.filters) : undefined,
        containerFilter: query ? containerFilterFor(query.categoryId, query.scope) : undefined,
      };
    },
    undefined,
    {
      equals: (a, b) =>
        a.search === b.search && a.filters === b.filters && a.containerFilter === b.containerFilter,
    },
  );

  const resultsIn = createResultsShown(() => assets.state === "ready" || assets.state === "errored");

  const picking = useListingSelection(api, () => {
    // `latest` would throw the failure here, outside the boundary that shows it.
    const result = assets.state === "errored" ? undefined : assets.latest;
    const query = settled();
    if (!result || !query) return undefined;
    return {
      listing: JSON.stringify({ ...query, within: { ...query.within, offset: 0 } }),
      offset: result.offset,
      total: result.total,
      assets: result.assets,
      loadRange: (start, end) =>
        readRange(start, end, async (offset, count) => (await readPage(query, offset, count)).assets),
    };
  });

  const heading = () => (id() !== undefined && category.state === "ready" ? category().name : "Categories");

  return (
    <>
      <h1 tabindex="-1">{heading()}</h1>
      {/* Above the tree, so that on a narrow screen the way up comes before the long list. */}
      <Show when={id()}>
        <AsyncBoundary
          loading="Loading the category…"
          errorTitle="The category could not be loaded"
          onRetry={() => void categoryActions.refetch()}
        >
          <Show when={category()}>
            {(current) => (
              <Breadcrumb
                steps={categoryTrail(current(), all.state === "ready" ? all() : []).map((crumb) => ({
                  name: crumb.name,
                  href: crumb.id === undefined ? undefined : hrefOf(crumb.id),
                }))}
              />
            )}
          </Show>
        </AsyncBoundary>
      </Show>
      <div class="categories-layout">
        <nav class="category-nav" aria-label="Category tree">
          <AsyncBoundary
            loading="Loading categories…"
            errorTitle="The categories could not be loaded"
            onRetry={() => void allActions.refetch()}
          >
            <Show when={all()}>
              {(list) => (
                <Show
                  when={list().length > 0}
                  fallback={<p class="empty">This library has no categories.</p>}
                >
                  <CategoryTree
                    items={buildCategoryTree(list()).map(toTreeItem)}
                    openIds={openIdsFor(id(), list())}
                  />
                </Show>
              )}
            </Show>
          </AsyncBoundary>
        </nav>
        <div class="category-content">
          <Show when={id()} fallback={<p class="lede">Choose a category to see the assets in it.</p>}>
            <section aria-labelledby="category-assets">
              <h2 id="category-assets">Assets in this category</h2>
              <LibraryFilters
                search={within().search}
                sort={within().sort}
                sorts={LIBRARY_SORT_OPTIONS}
                onSearch={(text) => go({ search: text })}
                onSort={(sort) => go({ sort: readLibrarySearch({ sort }).sort })}
              />
              <ScopeChoice scope={scope()} onScope={(next) => go({}, next)} />
              <FilteredView
                filters={within().filters}
                facetQuery={facetQuery()}
                onChange={(filters) => go({ filters })}
                load={resultsIn()}
                aside={
                  <Show when={resultsIn()}>
                    <SavedSearchesPanel
                      search={within()}
                      place={{ kind: "category", categoryId: id() ?? "", scope: scope() }}
                    />
                  </Show>
                }
              >
                <Show when={resultsIn()}>
                  <picking.Panel
                    extraActions={
                      <SelectionDownload assetIds={picking.selection.items().map((item) => item.id)} />
                    }
                  />
                </Show>
                <AsyncBoundary
                  loading="Loading assets…"
                  errorTitle="The assets could not be loaded"
                  onRetry={() => void assetActions.refetch()}
                >
                  <Show when={assets()}>
                    {(result) => (
                      <Show
                        when={result().assets.length > 0}
                        fallback={
                          <p role="status" class="empty">
                            {within().search || hasFilters(within().filters)
                              ? "No assets here match this search. Try other words or fewer filters."
                              : "No assets in this category."}
                          </p>
                        }
                      >
                        <ResultsGrid
                          tiles={result().assets.map(toAssetTile)}
                          label="Assets in this category"
                          selection={picking.tileSelection}
                        />
                        <Pager
                          offset={result().offset}
                          pageSize={PAGE_SIZE}
                          shown={result().assets.length}
                          total={result().total}
                          onPage={(next) => {
                            go({ offset: next });
                            window.scrollTo({ top: 0 });
                          }}
                        />
                      </Show>
                    )}
                  </Show>
                </AsyncBoundary>
              </FilteredView>
            </section>
          </Show>
        </div>
      </div>
    </>
  );
}

/** The current category's ancestors start open, so the tree shows where the person is. */
function openIdsFor(id: string | undefined, categories: readonly Category[]): string[] {
  if (id === undefined) {
    // With nothing chosen, open the top level so the first useful names are visible.
    return categories.filter((category) => category.parentId === null).map((category) => category.id);
  }
  return ancestorsOf(id, categories).map((category) => category.id);
}
