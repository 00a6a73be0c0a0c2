import { isAttributeId } from "./buildFilters";
import {
  ASSET_TYPE_NAMES,
  normalList,
  STATUS_CODES,
  type AssetTypeName,
  type DateRange,
  type FilterState,
  type StatusCode,
} from "./FilterState";

/** What the router's `useSearchParams()` hands over. */
export type RawParams = Partial<Record<string, string | string[]>>;

/** The URL parameters of a filter state; undefined or [] removes a parameter, so an empty panel leaves no trace. */
export type FilterParams = Record<
  "type" | "ext" | "status" | "by" | "rating" | "uploadedFrom" | "uploadedTo" | "approvedFrom" | "approvedTo",
  string | string[] | undefined
> & { attr: string[] | undefined };

export const FILTER_PARAM_NAMES: readonly (keyof FilterParams)[] = [
  "type",
  "ext",
  "status",
  "by",
  "rating",
  "uploadedFrom",
  "uploadedTo",
  "approvedFrom",
  "approvedTo",
  "attr",
];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function all(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => item.trim()).filter((item) => item !== "");
}

function one(value: string | string[] | undefined): string | undefined {
  return all(value)[0];
}

function day(value: string | string[] | undefined): string | undefined {
  const text = one(value);
  return text !== undefined && ISO_DAY.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
}

function range(from: string | undefined, to: string | undefined): DateRange {
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * Reads the filters from the URL. Repeated parameters are alternatives (`?type=image&type=video`); anything a
 * hand-edited link gets wrong is dropped rather than sent, so a bad link shows more, never an error.
 */
export function readFilterParams(params: RawParams): FilterState {
  const types = all(params["type"])
    .map((value) => ASSET_TYPE_NAMES.find((name) => name.toLowerCase() === value.toLowerCase()))
    .filter((name): name is AssetTypeName => name !== undefined);
  const statuses = all(params["status"]).filter((value): value is StatusCode =>
    (STATUS_CODES as readonly string[]).includes(value),
  );
  const rating = Number(one(params["rating"]));
  const attributes: Record<string, string[]> = {};
  for (const entry of all(params["attr"])) {
    // `<id>:<value>`; ids have no colon, values may.
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    if (colon < 1 || !isAttributeId(id)) continue;
    attributes[id] = normalList([...(attributes[id] ?? []), entry.slice(colon + 1)]);
  }
  return {
    types: normalList(types),
    extensions: normalList(all(params["ext"]).map((value) => value.replace(/^\./, "").toLowerCase())),
    statuses: normalList(statuses),
    uploaders: normalList(all(params["by"])),
    minRating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined,
    uploaded: range(day(params["uploadedFrom"]), day(params["uploadedTo"])),
    approved: range(day(params["approvedFrom"]), day(params["approvedTo"])),
    attributes,
  };
}

function list(values: readonly string[]): string[] | undefined {
  return values.length === 0 ? undefined : normalList(values);
}

/** The URL parameters for `state`, every list sorted, so one view has one URL. */
export function writeFilterParams(state: FilterState): FilterParams {
  const attr = Object.keys(state.attributes)
    .sort()
    .flatMap((id) => normalList(state.attributes[id] ?? []).map((value) => `${id}:${value}`));
  return {
    type: list(state.types.map((name) => name.toLowerCase())),
    ext: list(state.extensions),
    status: list(state.statuses),
    by: list(state.uploaders),
    rating: state.minRating === undefined ? undefined : String(state.minRating),
    uploadedFrom: state.uploaded.from,
    uploadedTo: state.uploaded.to,
    approvedFrom: state.approved.from,
    approvedTo: state.approved.to,
    attr: attr.length === 0 ? undefined : attr,
  };
}
