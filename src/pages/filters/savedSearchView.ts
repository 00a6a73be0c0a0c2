import type { SavedSearch, SavedSearchFields } from "../../api";
import { LIBRARY_SORTS, SORT_ORDER, writeLibrarySearch, type LibrarySearch } from "../LibrarySearch";
import { buildFilters } from "./buildFilters";
import { containerFilterFor, readContainerFilter, type CategoryScope } from "./CategoryScope";
import { readFilters } from "./readFilters";

/** Where a search runs: the whole library, or a category (and maybe below it). */
export type SearchPlace =
  { kind: "library" } | { kind: "category"; categoryId: string; scope: CategoryScope };

/** What `POST /savedsearches` keeps for the view on screen. */
export function toSavedSearchFields(
  name: string,
  search: LibrarySearch,
  place: SearchPlace,
): Omit<SavedSearchFields, "pinned"> {
  return {
    name: name.trim(),
    search: search.search,
    filters: buildFilters(search.filters) ?? "",
    containerFilter: place.kind === "category" ? containerFilterFor(place.categoryId, place.scope) : "",
    sort: SORT_ORDER[search.sort],
  };
}

/** A query string from parameters where undefined leaves a name out and a list repeats it. */
export function queryString(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value])
      query.append(name, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/**
 * The Valet URL that shows a saved search exactly as it was saved, or undefined when it holds a filter, container or
 * sort Valet did not write (saved by another client): opening it would show something else.
 */
export function hrefOfSavedSearch(saved: SavedSearch): string | undefined {
  const filters = readFilters(saved.filters);
  const sort = LIBRARY_SORTS.find((key) => SORT_ORDER[key] === (saved.sort || SORT_ORDER.newest));
  if (!filters || !sort) return undefined;
  const params = writeLibrarySearch({ search: saved.search.trim(), filters, sort, offset: 0 });
  if (saved.containerFilter.trim() === "") return `/assets${queryString(params)}`;
  const container = readContainerFilter(saved.containerFilter);
  if (!container) return undefined;
  return `/categories/${encodeURIComponent(container.categoryId)}${queryString({ ...params, scope: container.scope === "below" ? "below" : undefined })}`;
}
