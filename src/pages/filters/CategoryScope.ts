import { quoteValue } from "./buildFilters";

/** Where a category page searches: the category's own assets, or those and every category below it. */
export type CategoryScope = "only" | "below";

/**
 * MediaValet's `containerFilter` for a category. "Only": filed directly in it (`CategoryIds`); "below": filed in it
 * or in a category under it (`CategoryAncestorIds` holds the ancestors), the two joined with OR as MediaValet's own
 * example shows.
 */
export function containerFilterFor(categoryId: string, scope: CategoryScope): string {
  const only = `CategoryIds/ANY(c: c EQ ${quoteValue(categoryId)})`;
  if (scope === "only") return only;
  return `(${only} OR CategoryAncestorIds/ANY(c: c EQ ${quoteValue(categoryId)}))`;
}

/** Reads back a container filter that containerFilterFor wrote; undefined for any other. */
export function readContainerFilter(
  filter: string,
): { categoryId: string; scope: CategoryScope } | undefined {
  const quoted = "'((?:[^']|'')*)'";
  const only = new RegExp(`^CategoryIds/ANY\\(c: c EQ ${quoted}\\)$`).exec(filter);
  if (only?.[1] !== undefined) return { categoryId: only[1].replaceAll("''", "'"), scope: "only" };
  const below = new RegExp(
    `^\\(CategoryIds/ANY\\(c: c EQ ${quoted}\\) OR CategoryAncestorIds/ANY\\(c: c EQ ${quoted}\\)\\)$`,
  ).exec(filter);
  if (below?.[1] !== undefined && below[1] === below[2]) {
    return { categoryId: below[1].replaceAll("''", "'"), scope: "below" };
  }
  return undefined;
}
