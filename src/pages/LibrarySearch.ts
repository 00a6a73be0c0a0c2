import type { AssetSearch, AssetSort } from "../api";
import { buildFilters } from "./filters/buildFilters";
import { NO_FILTERS, sameFilters, type FilterState } from "./filters/FilterState";
import {
  readFilterParams,
  writeFilterParams,
  type FilterParams,
  type RawParams,
} from "./filters/filterParams";
import { firstParam } from "./firstParam";

export const LIBRARY_SORTS = ["newest", "oldest", "title"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** The sorts as a sort menu offers them, in order, each with the words a person reads. */
export const LIBRARY_SORT_OPTIONS = LIBRARY_SORTS.map((value) => ({
  value,
  label: { newest: "Newest first", oldest: "Oldest first", title: "Title (A–Z)" }[value],
}));

/** Everything that decides what the library shows. It lives in the URL, so links, reloads and Back reproduce it. */
export interface LibrarySearch {
  /** Trimmed; empty means everything. */
  search: string;
  filters: FilterState;
  sort: LibrarySort;
  /** Zero-based, never negative. */
  offset: number;
}

/** What the router's `useSearchParams()` hands over. */
export type RawSearchParams = RawParams;

/** For `setSearchParams`: undefined removes a parameter, so defaults never clutter the URL. */
export type LibrarySearchParams = Record<"search" | "sort" | "offset", string | undefined> & FilterParams;

export const EMPTY_SEARCH: LibrarySearch = { search: "", filters: NO_FILTERS, sort: "newest", offset: 0 };

export const SORT_ORDER: Record<LibrarySort, AssetSort> = {
  newest: "record.createdAt D",
  oldest: "record.createdAt A",
  title: "title A",
};

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value?.toLowerCase());
}

/** Reads the library's state from the URL; anything unreadable (a hand-edited link) falls back to the default. */
export function readLibrarySearch(params: RawSearchParams): LibrarySearch {
  const offset = Number(firstParam(params["offset"]));
  return {
    search: (firstParam(params["search"]) ?? "").trim(),
    filters: readFilterParams(params),
    sort: oneOf(LIBRARY_SORTS, firstParam(params["sort"])) ?? "newest",
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The URL parameters for `search`, leaving out every default. */
export function writeLibrarySearch(search: LibrarySearch): LibrarySearchParams {
  return {
    search: search.search.trim() || undefined,
    ...writeFilterParams(search.filters),
    sort: search.sort === "newest" ? undefined : search.sort,
    offset: search.offset > 0 ? String(search.offset) : undefined,
  };
}

export function sameLibrarySearch(a: LibrarySearch, b: LibrarySearch): boolean {
  return (
    a.search === b.search && sameFilters(a.filters, b.filters) && a.sort === b.sort && a.offset === b.offset
  );
}

/** The `POST /assets/search` body for one page of `search`, within `containerFilter` when given. */
export function toAssetSearch(search: LibrarySearch, count: number, containerFilter?: string): AssetSearch {
  return {
    search: search.search || undefined,
    filters: buildFilters(search.filters),
    containerFilter,
    sort: SORT_ORDER[search.sort],
    count,
    offset: search.offset,
  };
}
