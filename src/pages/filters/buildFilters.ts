import type { DateRange, FilterState } from "./FilterState";

/**
 * A value as a quoted literal of MediaValet's filter language: single quotes, a quote inside written twice (OData's
 * rule, which the sandbox follows; MediaValet documents none). Inside the quotes nothing is syntax, so no value — not
 * `) OR (`, not `AND`, not a quote — can change the expression around it.
 */
export function quoteValue(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One field's alternatives, parenthesised: `(AssetType EQ 'Image' OR AssetType EQ 'Video')`. */
function anyOf(field: string, values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return `(${values.map((value) => `${field} EQ ${quoteValue(value)}`).join(" OR ")})`;
}

/** A range of whole days; a bare date means that whole UTC day, so `LE` the last day includes it. */
function between(field: string, range: DateRange): string | undefined {
  const parts: string[] = [];
  if (range.from !== undefined && ISO_DAY.test(range.from))
    parts.push(`${field} GE ${quoteValue(range.from)}`);
  if (range.to !== undefined && ISO_DAY.test(range.to)) parts.push(`${field} LE ${quoteValue(range.to)}`);
  return parts.length === 0 ? undefined : `(${parts.join(" AND ")})`;
}

/**
 * The `filters` expression for a panel's state: every field's alternatives joined with OR inside parentheses, fields
 * joined with AND; undefined when nothing is filtered. Field names are Valet's own constants and attribute ids must
 * look like ids, so only values come from outside, and every value is quoted.
 */
export function buildFilters(state: FilterState): string | undefined {
  const clauses = [
    anyOf("AssetType", state.types),
    anyOf("File Extension", state.extensions),
    anyOf("Status", state.statuses),
    anyOf("CreatedBy", state.uploaders),
    state.minRating === undefined ? undefined : `(AverageRating GE ${quoteValue(String(state.minRating))})`,
    between("DateUploaded", state.uploaded),
    between("DateApproved", state.approved),
    ...Object.keys(state.attributes)
      .filter(isAttributeId)
      .sort()
      .map((id) => anyOf(id, state.attributes[id] ?? [])),
  ].filter((clause): clause is string => clause !== undefined);
  return clauses.length === 0 ? undefined : clauses.join(" AND ");
}

/**
 * An attribute id is used as a field name, which cannot be quoted, so only the shape of an id (letters, digits,
 * hyphens) may become one; anything else from a hand-edited link is dropped.
 */
export function isAttributeId(id: string): boolean {
  return /^[A-Za-z0-9-]{1,64}$/.test(id);
}
