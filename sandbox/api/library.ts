import { createHash } from "node:crypto";
import { ATTRIBUTES, type AttributeRecord } from "./seed/attributes";
import { seedAssets, type AssetRecord } from "./seed/assets";
import { CATEGORIES, type CategoryRecord } from "./seed/categories";

/** An entry of the library's keyword list. Ids derive from the name, so the same word has the same id on every run. */
export interface KeywordRecord {
  readonly id: string;
  readonly keywordName: string;
}

/**
 * One sandbox's DAM library: the seeded assets, categories, keywords and attributes, and every change made through
 * the API since it started. Nothing is written anywhere else; a new sandbox starts from the seed again.
 */
export interface Library {
  /** Newest first, as the seed orders them. */
  readonly assets: readonly AssetRecord[];
  readonly categories: readonly CategoryRecord[];
  readonly attributes: readonly AttributeRecord[];
  /** Ids are GUIDs, matched ignoring case as MediaValet does. */
  asset(id: string): AssetRecord | undefined;
  category(id: string): CategoryRecord | undefined;
  attribute(id: string): AttributeRecord | undefined;
  /** The category's ancestors, nearest first, ending at the root. */
  ancestorsOf(categoryId: string): CategoryRecord[];
  childrenOf(categoryId: string): CategoryRecord[];
  /** Every keyword any asset carries or ever carried, in alphabetical order. */
  keywords(): KeywordRecord[];
  keyword(id: string): KeywordRecord | undefined;
  keywordFor(name: string): KeywordRecord;
  /** The id the keyword has or will have, without adding it to the library's list. */
  keywordIdFor(name: string): string;
  /** Adds keywords the asset does not have yet (ignoring case) and records who changed it. */
  addKeywords(asset: AssetRecord, names: readonly string[], userId: string): void;
  /** Removes one keyword by id; false when the asset does not carry it. */
  removeKeyword(asset: AssetRecord, keywordId: string, userId: string): boolean;
  /** Stamps `modifiedAt` and `modifiedBy` after an edit. */
  touch(asset: AssetRecord, userId: string): void;
}

/** A GUID-shaped id from a SHA-1 of the name (in the manner of a version-5 UUID). */
function nameBasedId(namespace: string, name: string): string {
  const hex = createHash("sha1").update(`${namespace}:${name}`).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const sameWord = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function createLibrary(now: () => Date = () => new Date()): Library {
  const assets = seedAssets();
  const assetsById = new Map(assets.map((asset) => [asset.id.toLowerCase(), asset]));
  const categoriesById = new Map(CATEGORIES.map((category) => [category.id.toLowerCase(), category]));
  const keywordsByName = new Map<string, KeywordRecord>();

  const keywordFor = (name: string): KeywordRecord => {
    const key = name.toLowerCase();
    let keyword = keywordsByName.get(key);
    if (!keyword) {
      keyword = { id: nameBasedId("keyword", key), keywordName: name };
      keywordsByName.set(key, keyword);
    }
    return keyword;
  };
  for (const asset of assets) for (const name of asset.keywords) keywordFor(name);

  const touch = (asset: AssetRecord, userId: string): void => {
    asset.modifiedAt = now().toISOString();
    asset.modifiedBy = userId;
  };

  return {
    assets,
    categories: CATEGORIES,
    attributes: ATTRIBUTES,
    asset: (id) => assetsById.get(id.toLowerCase()),
    category: (id) => categoriesById.get(id.toLowerCase()),
    attribute: (id) => ATTRIBUTES.find((attribute) => attribute.id.toLowerCase() === id.toLowerCase()),
    ancestorsOf(categoryId) {
      const ancestors: CategoryRecord[] = [];
      let parentId = categoriesById.get(categoryId.toLowerCase())?.parentId ?? null;
      while (parentId !== null) {
        const parent = categoriesById.get(parentId.toLowerCase());
        if (!parent) break;
        ancestors.push(parent);
        parentId = parent.parentId;
      }
      return ancestors;
    },
    childrenOf: (categoryId) =>
      CATEGORIES.filter((category) => category.parentId?.toLowerCase() === categoryId.toLowerCase()),
    keywords: () => [...keywordsByName.values()].sort((a, b) => a.keywordName.localeCompare(b.keywordName)),
    keyword: (id) => [...keywordsByName.values()].find((keyword) => sameWord(keyword.id, id)),
    keywordFor,
    keywordIdFor: (name) =>
      keywordsByName.get(name.toLowerCase())?.id ?? nameBasedId("keyword", name.toLowerCase()),
    addKeywords(asset, names, userId) {
      let changed = false;
      for (const name of names) {
        if (asset.keywords.some((existing) => sameWord(existing, name))) continue;
        asset.keywords.push(keywordFor(name).keywordName);
        changed = true;
      }
      if (changed) touch(asset, userId);
    },
    removeKeyword(asset, keywordId, userId) {
      const index = asset.keywords.findIndex((name) => sameWord(keywordFor(name).id, keywordId));
      if (index < 0) return false;
      asset.keywords.splice(index, 1);
      touch(asset, userId);
      return true;
    },
    touch,
  };
}
