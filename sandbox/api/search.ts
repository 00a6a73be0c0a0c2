import type { AssetRecord } from "./seed/assets";

/** Splits a query into lower-case terms; a "quoted phrase" stays one term. */
function terms(query: string): string[] {
  const found: string[] = [];
  for (const match of query.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? "").trim();
    if (term !== "") found.push(term);
  }
  return found;
}

function searchableText(asset: AssetRecord): string {
  return [asset.title, asset.description, asset.fileName, ...asset.keywords].join("\n").toLowerCase();
}

/**
 * MediaValet's full-text search, simplified: every term must occur (implicit AND) in the title, description, file
 * name or keywords, ignoring case. Boolean operators and field terms are not supported yet.
 */
export function searchAssets(assets: readonly AssetRecord[], query: string): AssetRecord[] {
  const wanted = terms(query);
  if (wanted.length === 0) return [...assets];
  return assets.filter((asset) => {
    const text = searchableText(asset);
    return wanted.every((term) => text.includes(term));
  });
}
