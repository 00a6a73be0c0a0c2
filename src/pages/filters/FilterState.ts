/** MediaValet's asset types (research §2.4), as `AssetType` values and facet keys. */
export const ASSET_TYPE_NAMES = ["Image", "Video", "Audio", "Document", "Other"] as const;
export type AssetTypeName = (typeof ASSET_TYPE_NAMES)[number];

/** MediaValet's status codes: approved, pending, rejected, expired, checked out. */
export const STATUS_CODES = ["0", "2", "5", "7", "9"] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export const STATUS_LABELS: Record<StatusCode, string> = {
  "0": "Approved",
  "2": "Pending",
  "5": "Rejected",
  "7": "Expired",
  "9": "Checked out",
};

/** A range of whole UTC days; either end may be open. Dates are `YYYY-MM-DD`. */
export interface DateRange {
  from?: string;
  to?: string;
}

/**
 * Every filter the panel can set. Values of one field are alternatives (OR); fields combine with AND. Lists are kept
 * sorted and free of repeats, so two states that filter alike compare equal.
 */
export interface FilterState {
  types: AssetTypeName[];
  /** File extensions, lower case, without the dot. */
  extensions: string[];
  statuses: StatusCode[];
  /** Usernames. */
  uploaders: string[];
  /** Whole stars, 1–5: an average rating of at least this many. */
  minRating: number | undefined;
  uploaded: DateRange;
  approved: DateRange;
  /** Select-list and yes/no attribute values, by attribute id. */
  attributes: Record<string, string[]>;
}

export const NO_FILTERS: FilterState = {
  types: [],
  extensions: [],
  statuses: [],
  uploaders: [],
  minRating: undefined,
  uploaded: {},
  approved: {},
  attributes: {},
};

/** Sorted and without repeats, so equal selections write equal URLs and expressions. */
export function normalList<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

export function sameFilters(a: FilterState, b: FilterState): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function hasFilters(state: FilterState): boolean {
  return !sameFilters(state, NO_FILTERS);
}

function canonical(state: FilterState): unknown {
  const attributes = Object.keys(state.attributes)
    .filter((id) => (state.attributes[id] ?? []).length > 0)
    .sort()
    .map((id) => [id, normalList(state.attributes[id] ?? [])]);
  return [
    normalList(state.types),
    normalList(state.extensions),
    normalList(state.statuses),
    normalList(state.uploaders),
    state.minRating ?? null,
    state.uploaded.from ?? null,
    state.uploaded.to ?? null,
    state.approved.from ?? null,
    state.approved.to ?? null,
    attributes,
  ];
}
