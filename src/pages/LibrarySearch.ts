import type { AssetSearch, AssetSort } from "../api";
import { firstParam } from "./firstParam";

export const ASSET_TYPES = ["image", "video", "document"] as const;
export type AssetTypeFilter = (typeof ASSET_TYPES)[number];

export const LIBRARY_SORTS = ["newest", "oldest", "title"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** Everything that decides what the library shows. It lives in the URL, so links, reloads and Back reproduce it. */
export interface LibrarySearch {
  /** Trimmed; empty means everything. */
  search: string;
  type: AssetTypeFilter | undefined;
  sort: LibrarySort;
  /** Zero-based, never negative. */
  offset: number;
}

/** What the router's `useSearchParams()` hands over. */
export type RawSearchParams = Partial<Record<string, string | string[]>>;

/** For `setSearchParams`: undefined removes a parameter, so defaults never clutter the URL. */
export type LibrarySearchParams = Record<"search" | "type" | "sort" | "offset", string | undefined>;

const SORT_ORDER: Record<LibrarySort, AssetSort> = {
  newest: "record.createdAt D",
  oldest: "record.createdAt A",
  title: "title A",
};

const TYPE_NAME: Record<AssetTypeFilter, string> = { image: "Image", video: "Video", document: "Document" };

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value?.toLowerCase());
}

/** Reads the library's state from the URL; anything unreadable (a hand-edited link) falls back to the default. */
export function readLibrarySearch(params: RawSearchParams): LibrarySearch {
  const offset = Number(firstParam(params["offset"]));
  return {
    search: (firstParam(params["search"]) ?? "").trim(),
    type: oneOf(ASSET_TYPES, firstParam(params["type"])),
    sort: oneOf(LIBRARY_SORTS, firstParam(params["sort"])) ?? "newest",
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The URL parameters for `search`, leaving out every default. */
export function writeLibrarySearch(search: LibrarySearch): LibrarySearchParams {
  return {
    search: search.search.trim() || undefined,
    type: search.type,
    sort: search.sort === "newest" ? undefined : search.sort,
    offset: search.offset > 0 ? String(search.offset) : undefined,
  };
}

export function sameLibrarySearch(a: LibrarySearch, b: LibrarySearch): boolean {
  return a.search === b.search && a.type === b.type && a.sort === b.sort && a.offset === b.offset;
}

/** The `POST /assets/search` body for one page of `search`. */
export function toAssetSearch(search: LibrarySearch, count: number): AssetSearch {
  return {
    search: search.search || undefined,
    filters: search.type === undefined ? undefined : `(AssetType EQ ${TYPE_NAME[search.type]})`,
    sort: SORT_ORDER[search.sort],
    count,
    offset: search.offset,
  };
}
