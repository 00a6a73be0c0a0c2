import type { AttributeDefinition, Facet } from "../../api";
import type { FacetValue, FilterGroup } from "../../components/FilterPanel";
import type { FilterChip } from "../../components/FilterChips";
import {
  ASSET_TYPE_NAMES,
  NO_FILTERS,
  normalList,
  STATUS_CODES,
  STATUS_LABELS,
  type AssetTypeName,
  type DateRange,
  type FilterState,
  type StatusCode,
} from "./FilterState";

/** The attributes a panel can filter by: select lists and yes/no. */
export function isFacetAttribute(attribute: AttributeDefinition): boolean {
  return ["options", "select", "boolean"].includes(attribute.attributeType.toLowerCase());
}

const RATINGS = [4, 3, 2, 1];

function countsOf(facets: readonly Facet[] | undefined, name: string): Record<string, number> | undefined {
  return facets?.find((facet) => facet.facetName === name)?.facets;
}

/** Values the facet lists plus the ones chosen (a link may name a value this search no longer has). */
function values(
  counts: Record<string, number> | undefined,
  chosen: readonly string[],
  key: (facetKey: string) => string = (facetKey) => facetKey,
  label: (value: string) => string = (value) => value,
): FacetValue[] {
  const byValue = new Map<string, number | undefined>();
  for (const [facetKey, count] of Object.entries(counts ?? {})) {
    const value = key(facetKey);
    byValue.set(value, (byValue.get(value) ?? 0) + count);
  }
  for (const value of chosen) if (!byValue.has(value)) byValue.set(value, counts ? 0 : undefined);
  return [...byValue.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((value) => ({
      value,
      label: label(value),
      count: byValue.get(value),
      selected: chosen.includes(value),
    }));
}

function years(counts: Record<string, number> | undefined, range: DateRange): FacetValue[] {
  return Object.keys(counts ?? {})
    .sort()
    .reverse()
    .map((year) => ({
      value: year,
      label: year,
      count: counts?.[year],
      selected: range.from === `${year}-01-01` && range.to === `${year}-12-31`,
    }));
}

/** The panel's groups for a state and the counts of the current search (undefined before the first counts). */
export function filterGroups(
  state: FilterState,
  facets: readonly Facet[] | undefined,
  attributes: readonly AttributeDefinition[],
): FilterGroup[] {
  const typeCounts = countsOf(facets, "assetType");
  const statusCounts = countsOf(facets, "status");
  const ratingCounts = countsOf(facets, "averageRating");
  const atLeast = (stars: number) =>
    ratingCounts &&
    Object.entries(ratingCounts).reduce(
      (sum, [bucket, count]) => (Number(bucket) >= stars ? sum + count : sum),
      0,
    );
  return [
    {
      kind: "check",
      key: "type",
      legend: "Type",
      values: ASSET_TYPE_NAMES.map((name) => ({
        value: name,
        label: name,
        count: typeCounts ? (typeCounts[name] ?? 0) : undefined,
        selected: state.types.includes(name),
      })),
    },
    {
      kind: "check",
      key: "ext",
      legend: "File extension",
      values: values(countsOf(facets, "imageFileExtension"), state.extensions, (key) => key.toLowerCase()),
    },
    {
      kind: "date",
      key: "uploaded",
      legend: "Date uploaded",
      ...state.uploaded,
      years: years(countsOf(facets, "dateUploaded"), state.uploaded),
    },
    {
      kind: "date",
      key: "approved",
      legend: "Date approved",
      ...state.approved,
      years: years(countsOf(facets, "dateApproved"), state.approved),
    },
    {
      kind: "check",
      key: "status",
      legend: "Status",
      values: STATUS_CODES.map((code) => ({
        value: code,
        label: STATUS_LABELS[code],
        count: statusCounts ? (statusCounts[code] ?? 0) : undefined,
        selected: state.statuses.includes(code),
      })),
    },
    {
      kind: "radio",
      key: "rating",
      legend: "Rating",
      values: [
        { value: "", label: "Any rating", count: undefined, selected: state.minRating === undefined },
        ...RATINGS.map((stars) => ({
          value: String(stars),
          label: stars === 1 ? "1 star and up" : `${stars} stars and up`,
          count: atLeast(stars),
          selected: state.minRating === stars,
        })),
      ],
    },
    {
      kind: "check",
      key: "by",
      legend: "Uploaded by",
      values: values(countsOf(facets, "createdBy"), state.uploaders),
    },
    ...attributes.filter(isFacetAttribute).map((attribute): FilterGroup => ({
      kind: "check",
      key: `attr:${attribute.id}`,
      legend: attribute.name,
      folded: true,
      values: values(countsOf(facets, attribute.id), state.attributes[attribute.id] ?? []),
    })),
  ];
}

function toggled<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
  return normalList(on ? [...list, value] : list.filter((item) => item !== value));
}

/** The state after a value of a group was ticked or unticked. */
export function applyToggle(state: FilterState, group: string, value: string, on: boolean): FilterState {
  if (group.startsWith("attr:")) {
    const id = group.slice("attr:".length);
    return {
      ...state,
      attributes: { ...state.attributes, [id]: toggled(state.attributes[id] ?? [], value, on) },
    };
  }
  switch (group) {
    case "type":
      return { ...state, types: toggled(state.types, value as AssetTypeName, on) };
    case "ext":
      return { ...state, extensions: toggled(state.extensions, value, on) };
    case "status":
      return { ...state, statuses: toggled(state.statuses, value as StatusCode, on) };
    case "by":
      return { ...state, uploaders: toggled(state.uploaders, value, on) };
    case "rating":
      return { ...state, minRating: value === "" ? undefined : Number(value) };
    default:
      return state;
  }
}

/** The state after a date range changed. */
export function applyRange(state: FilterState, group: string, from?: string, to?: string): FilterState {
  const range: DateRange = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (group === "uploaded") return { ...state, uploaded: range };
  if (group === "approved") return { ...state, approved: range };
  return state;
}

const rangeLabel = (range: DateRange) =>
  range.from && range.to
    ? `${range.from} to ${range.to}`
    : range.from
      ? `from ${range.from}`
      : `until ${range.to ?? ""}`;

/** One chip per chosen value (a date range is one chip). `attributeNames` names attributes by id. */
export function filterChips(state: FilterState, attributeNames: ReadonlyMap<string, string>): FilterChip[] {
  const chips: FilterChip[] = [
    ...state.types.map((type) => ({ key: `type\n${type}`, label: `Type: ${type}` })),
    ...state.extensions.map((ext) => ({ key: `ext\n${ext}`, label: `Extension: ${ext}` })),
    ...state.statuses.map((code) => ({ key: `status\n${code}`, label: `Status: ${STATUS_LABELS[code]}` })),
    ...state.uploaders.map((name) => ({ key: `by\n${name}`, label: `Uploaded by: ${name}` })),
  ];
  if (state.minRating !== undefined)
    chips.push({
      key: "rating\n",
      label: `Rating: ${state.minRating === 1 ? "1 star" : `${state.minRating} stars`} and up`,
    });
  if (state.uploaded.from || state.uploaded.to)
    chips.push({ key: "uploaded\n", label: `Uploaded ${rangeLabel(state.uploaded)}` });
  if (state.approved.from || state.approved.to)
    chips.push({ key: "approved\n", label: `Approved ${rangeLabel(state.approved)}` });
  for (const id of Object.keys(state.attributes).sort()) {
    for (const value of state.attributes[id] ?? []) {
      chips.push({ key: `attr:${id}\n${value}`, label: `${attributeNames.get(id) ?? id}: ${value}` });
    }
  }
  return chips;
}

/** The state without the chip `key` (from filterChips). */
export function removeChip(state: FilterState, key: string): FilterState {
  const split = key.indexOf("\n");
  const group = key.slice(0, split);
  const value = key.slice(split + 1);
  if (group === "uploaded" || group === "approved") return applyRange(state, group);
  if (group === "rating") return { ...state, minRating: undefined };
  return applyToggle(state, group, value, false);
}

export { NO_FILTERS };
