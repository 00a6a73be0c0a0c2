import type { AssetRecord } from "./seed/assets";

interface Term {
  text: string;
  negated: boolean;
}

/**
 * Splits a query into alternatives (separated by `OR`), each a list of terms that must all match. A "quoted phrase"
 * stays one term, `NOT word` must not match, and a trailing `*` (`flag*`) is a prefix, which substring matching
 * already covers.
 */
function parse(query: string): Term[][] {
  const alternatives: Term[][] = [[]];
  let negateNext = false;
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const quoted = match[1];
    const word = match[2] ?? "";
    if (quoted === undefined && word === "OR") {
      alternatives.push([]);
      continue;
    }
    if (quoted === undefined && word === "NOT") {
      negateNext = true;
      continue;
    }
    if (quoted === undefined && word === "AND") continue;
    const text = (quoted ?? word.replace(/\*+$/, "")).trim().toLowerCase();
    if (text !== "") alternatives[alternatives.length - 1]?.push({ text, negated: negateNext });
    negateNext = false;
  }
  return alternatives.filter((terms) => terms.length > 0);
}

function searchableText(asset: AssetRecord): string {
  return [asset.title, asset.description, asset.fileName, ...asset.keywords].join("\n").toLowerCase();
}

/**
 * MediaValet's full-text search, simplified: terms match anywhere in the title, description, file name or keywords,
 * ignoring case; terms are ANDed, `OR` separates alternatives, `NOT` excludes. Field terms (`title:…`) are not
 * supported: they are searched as plain text.
 */
export function searchAssets(assets: readonly AssetRecord[], query: string): AssetRecord[] {
  const alternatives = parse(query);
  if (alternatives.length === 0) return [...assets];
  return assets.filter((asset) => {
    const text = searchableText(asset);
    return alternatives.some((terms) => terms.every((term) => text.includes(term.text) !== term.negated));
  });
}
