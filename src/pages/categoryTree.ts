import type { Category } from "../api";

/** A category with its children, sorted by name, as the tree shows it. */
export interface CategoryNode {
  category: Category;
  children: CategoryNode[];
}

/** One step of a breadcrumb; `id` is missing when the path names a category the list does not hold. */
export interface Crumb {
  name: string;
  id?: string;
}

const byName = (a: CategoryNode, b: CategoryNode) =>
  a.category.name.localeCompare(b.category.name, undefined, { sensitivity: "base", numeric: true });

/**
 * Builds the tree from MediaValet's flat category list. A category whose parent is not in the list becomes a root,
 * so a partial list (e.g. limited by permissions) still shows everything it holds.
 */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map(
    categories.map((category) => [category.id, { category, children: [] as CategoryNode[] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId === null ? undefined : nodes.get(node.category.parentId);
    if (parent === undefined || parent === node) roots.push(node);
    else parent.children.push(node);
  }
  for (const node of nodes.values()) node.children.sort(byName);
  return roots.sort(byName);
}

/** The category and its ancestors, root first; stops at a missing parent or a cycle. */
export function ancestorsOf(id: string, categories: readonly Category[]): Category[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const chain: Category[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/**
 * The breadcrumb for `category`, named from its `tree.path` (backslash-separated, as MediaValet writes it) and
 * linked through its ancestors in `categories`.
 */
export function categoryTrail(category: Category, categories: readonly Category[]): Crumb[] {
  const names = splitPath(category.tree.path);
  const chain = ancestorsOf(category.id, categories);
  if (names.length === 0)
    return (chain.length > 0 ? chain : [category]).map(({ id, name }) => ({ id, name }));
  // The path's last segment is the category itself, so path and chain are matched from their ends.
  const shift = chain.length - names.length;
  return names.map((name, index) => {
    const match = chain[index + shift];
    return match === undefined ? { name } : { name, id: match.id };
  });
}

/** A MediaValet category path for reading: `Root\Marketing\2024` becomes `Root › Marketing › 2024`. */
export function displayPath(path: string | undefined): string {
  return splitPath(path ?? "").join(" › ");
}

function splitPath(path: string): string[] {
  return (
    path
      // Only backslashes: a forward slash is a legal character in a category name.
      .split("\\")
      .map((segment) => segment.trim())
      .filter((segment) => segment !== "")
  );
}
