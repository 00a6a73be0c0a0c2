import { useParams, useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import type { Category } from "../api";
import { PAGE_SIZE } from "../api";
import { AssetGrid } from "../components/AssetGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { Breadcrumb } from "../components/Breadcrumb";
import { CategoryTree, type TreeItem } from "../components/CategoryTree";
import { Pager } from "../components/Pager";
import { useApi } from "./ApiContext";
import { ancestorsOf, buildCategoryTree, categoryTrail, type CategoryNode } from "./categoryTree";
import { createAbortableResource } from "./createAbortableResource";
import { firstParam } from "./firstParam";
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
  const offset = () => {
    const value = Number(firstParam(search["offset"]));
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  };

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
      return categoryId === undefined ? undefined : { categoryId, offset: offset() };
    },
    undefined,
    { equals: (a, b) => a?.categoryId === b?.categoryId && a?.offset === b?.offset },
  );
  const [assets, assetActions] = createAbortableResource(
    () => page(),
    (query, signal) =>
      api.listCategoryAssets(query.categoryId, { count: PAGE_SIZE, offset: query.offset }, signal),
  );

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
                          No assets in this category.
                        </p>
                      }
                    >
                      <AssetGrid tiles={result().assets.map(toAssetTile)} label="Assets in this category" />
                      <Pager
                        offset={result().offset}
                        pageSize={PAGE_SIZE}
                        shown={result().assets.length}
                        total={result().total}
                        onPage={(next) => {
                          setSearch({ offset: next > 0 ? String(next) : undefined });
                          window.scrollTo({ top: 0 });
                        }}
                      />
                    </Show>
                  )}
                </Show>
              </AsyncBoundary>
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
