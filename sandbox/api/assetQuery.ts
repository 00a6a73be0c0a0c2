import { ApiError } from "./apiError";
import { assetScalarField } from "./assetFilterFields";
import { FilterSyntaxError, parseFilter, type FilterFields, type Predicate } from "./filterExpression";
import type { Library } from "./library";
import { searchAssets } from "./search";
import type { AssetRecord } from "./seed/assets";

/** What `GET /assets` and `POST /assets/search` both understand (besides count and offset). */
export interface AssetQuery {
  search?: string | undefined;
  filters?: string | undefined;
  containerFilter?: string | undefined;
  /** e.g. "record.createdAt D", "title A"; default newest first. */
  sort?: string | undefined;
}

type SortKey = (asset: AssetRecord) => string | number;

const SORT_KEYS: Record<string, SortKey> = {
  "record.createdat": (asset) => asset.createdAt,
  createdat: (asset) => asset.createdAt,
  "record.modifiedat": (asset) => asset.modifiedAt,
  title: (asset) => asset.title.toLowerCase(),
  "file.filename": (asset) => asset.fileName.toLowerCase(),
  "file.sizeinbytes": (asset) => asset.sizeInBytes,
};

/** The lightboxes holding an asset that the caller may see (their ids), for `LightboxIds/ANY(…)`. */
export type LightboxIdsOf = (asset: AssetRecord) => readonly string[];

function assetFields(library: Library, lightboxIdsOf: LightboxIdsOf): FilterFields<AssetRecord> {
  const collections: Record<string, (asset: AssetRecord) => readonly string[]> = {
    categoryids: (asset) => asset.categories,
    categoryancestorids: (asset) => [
      ...new Set(asset.categories.flatMap((id) => library.ancestorsOf(id).map((category) => category.id))),
    ],
    keywords: (asset) => asset.keywords,
    // Only lightboxes the caller may see: scoping to someone else's private lightbox finds nothing.
    lightboxids: lightboxIdsOf,
  };
  return {
    scalar: (name) => assetScalarField(name, library),
    collection: (name) => collections[name.toLowerCase()],
  };
}

function filterPredicate(
  parameter: string,
  source: string | undefined,
  library: Library,
  lightboxIdsOf: LightboxIdsOf,
): Predicate<AssetRecord> {
  try {
    return parseFilter(source ?? "", assetFields(library, lightboxIdsOf));
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw new ApiError(400, "bad_request", `${parameter}: ${error.message}`);
    }
    throw error;
  }
}

function comparator(sort: string | undefined): (a: AssetRecord, b: AssetRecord) => number {
  const wanted = sort === undefined || sort.trim() === "" ? "record.createdAt D" : sort.trim();
  const [field = "", direction = "A", ...rest] = wanted.split(/\s+/);
  const key = SORT_KEYS[field.toLowerCase()];
  const descending = /^(d|desc)$/i.test(direction);
  if (!key || rest.length > 0 || !/^(a|asc|d|desc)$/i.test(direction)) {
    throw new ApiError(
      400,
      "bad_request",
      `sort "${sort}" is not supported; use one of ${Object.keys(SORT_KEYS).join(", ")} followed by A or D.`,
    );
  }
  return (a, b) => {
    const [left, right] = [key(a), key(b)];
    const order = left < right ? -1 : left > right ? 1 : a.id.localeCompare(b.id);
    return descending ? -order : order;
  };
}

/** Every asset matching the query, in order; the caller pages. Throws ApiError(400) for filters it cannot read. */
export function queryAssets(
  library: Library,
  query: AssetQuery,
  lightboxIdsOf: LightboxIdsOf = () => [],
): AssetRecord[] {
  const filter = filterPredicate("filters", query.filters, library, lightboxIdsOf);
  const container = filterPredicate("containerFilter", query.containerFilter, library, lightboxIdsOf);
  const order = comparator(query.sort);
  return searchAssets(library.assets, query.search ?? "")
    .filter((asset) => filter(asset) && container(asset))
    .sort(order);
}
