import type { Library } from "./library";
import type { CategoryRecord } from "./seed/categories";

export interface CategoryDto {
  id: string;
  name: string;
  parentId: string | null;
  description: string;
  tree: { id: string; name: string; path: string; idPath: string };
  subcats: { total: number };
  subfolderCount: number;
  /** Assets filed directly in this category (not in its subcategories), as a folder view counts them. */
  assetCount: number;
  record: { createdAt: string };
}

/** MediaValet's category shape (research §2.5): `tree.path` joins names from the root with backslashes. */
export function toCategoryDto(category: CategoryRecord, library: Library): CategoryDto {
  const lineage = [...library.ancestorsOf(category.id).reverse(), category];
  const children = library.childrenOf(category.id).length;
  return {
    id: category.id,
    name: category.name,
    parentId: category.parentId,
    description: category.description,
    tree: {
      id: category.id,
      name: category.name,
      path: lineage.map((entry) => entry.name).join("\\"),
      idPath: lineage.map((entry) => entry.id).join("\\"),
    },
    subcats: { total: children },
    subfolderCount: children,
    assetCount: library.assets.filter((asset) => asset.categories.includes(category.id)).length,
    record: { createdAt: category.createdAt },
  };
}
