import { mediaDimensions, mediaUrl, renderSvg, type MediaSize } from "./media";
import type { AssetRecord } from "./seed/assets";

export interface RenditionDto {
  id: string;
  name: string;
  url: string;
  width: number;
  height: number;
  fileType: string;
  sizeInBytes: number;
}

const RENDITIONS: readonly { size: MediaSize; name: string }[] = [
  { size: "thumb", name: "Thumbnail" },
  { size: "small", name: "Small" },
  { size: "medium", name: "Medium" },
  { size: "large", name: "Large" },
  { size: "original", name: "Original" },
];

/**
 * `GET /assets/{id}/renditions`. MediaValet does not document this payload (research §2.4), so the stand-in lists
 * the sizes it can serve, each with the same unauthenticated link as the asset's `media` block.
 */
export function toRenditionDtos(asset: AssetRecord, apiUrl: string): RenditionDto[] {
  return RENDITIONS.map(({ size, name }) => ({
    id: `${asset.id}-${size}`,
    name,
    url: mediaUrl(apiUrl, asset.id, size),
    ...mediaDimensions(asset, size),
    fileType: "SVG",
    sizeInBytes: Buffer.byteLength(renderSvg(asset, size)),
  }));
}
