import type { Asset } from "../api";
import type { AssetTile } from "../components/AssetGrid";

/** How an asset appears in a grid, linking to its own page. */
export function toAssetTile(asset: Asset): AssetTile {
  return {
    id: asset.id,
    title: asset.title,
    thumbnailUrl: asset.media.thumb ?? "",
    // The caption already gives the title; alt text adds only what the asset's own altText says.
    alt: asset.altText ?? "",
    kind: asset.media.type,
    href: `/assets/${encodeURIComponent(asset.id)}`,
  };
}
