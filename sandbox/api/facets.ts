import { ASSET_STATUSES, ASSET_TYPES, fileExtensionOf, uploaderOf } from "./assetFilterFields";
import type { Library } from "./library";
import type { AssetRecord } from "./seed/assets";

/** One entry of `GET /search/facets`' payload (research §2.4: `[{facetName, facets:{value:count}}]`). */
export interface Facet {
  facetName: string;
  facets: Record<string, number>;
}

/** Counts `found` under every key; keys the whole library has but `found` lacks count 0, so a panel can dim them. */
function countBy(
  facetName: string,
  keys: Iterable<string>,
  found: readonly AssetRecord[],
  keyOf: (asset: AssetRecord) => string | undefined,
): Facet {
  const facets: Record<string, number> = {};
  for (const key of [...new Set(keys)].sort()) facets[key] = 0;
  for (const asset of found) {
    const key = keyOf(asset);
    if (key !== undefined && key in facets) facets[key] = (facets[key] ?? 0) + 1;
  }
  return { facetName, facets };
}

const yearOf = (date: string | undefined): string | undefined => date?.slice(0, 4);
const ratingOf = (asset: AssetRecord): string => String(Math.floor(asset.averageRating ?? 0));

/**
 * Facet counts for the assets a search found, all in one answer. `imageFileExtension` is the one facet name seen in
 * MediaValet's documentation (it counts every asset's extension, upper case); the other names are the sandbox's own:
 * `assetType`, `status`, `averageRating` (whole stars, rounded down), `createdBy` (usernames), `dateUploaded` and
 * `dateApproved` (years), and one facet per select-list or yes/no attribute, named by the attribute's id.
 */
export function facetsFor(found: readonly AssetRecord[], library: Library): Facet[] {
  const all = library.assets;
  const facets: Facet[] = [
    countBy("assetType", ASSET_TYPES, found, (asset) => asset.type),
    countBy(
      "imageFileExtension",
      all.map((asset) => fileExtensionOf(asset).toUpperCase()),
      found,
      (asset) => fileExtensionOf(asset).toUpperCase(),
    ),
    countBy("status", ASSET_STATUSES, found, (asset) => String(asset.status)),
    countBy("averageRating", ["0", "1", "2", "3", "4", "5"], found, ratingOf),
    countBy(
      "createdBy",
      all.flatMap((asset) => uploaderOf(asset) ?? []),
      found,
      uploaderOf,
    ),
    countBy(
      "dateUploaded",
      all.flatMap((asset) => yearOf(asset.uploadedAt) ?? []),
      found,
      (asset) => yearOf(asset.uploadedAt),
    ),
    countBy(
      "dateApproved",
      all.flatMap((asset) => yearOf(asset.approvedAt) ?? []),
      found,
      (asset) => yearOf(asset.approvedAt),
    ),
  ];
  for (const attribute of library.attributes) {
    const keys =
      attribute.attributeType === "Options"
        ? attribute.optionsList
        : attribute.attributeType === "Boolean"
          ? ["true", "false"]
          : undefined;
    if (keys) facets.push(countBy(attribute.id, keys, found, (asset) => asset.attributes[attribute.id]));
  }
  return facets;
}
