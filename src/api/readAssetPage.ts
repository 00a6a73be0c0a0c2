import { badResponse } from "./badResponse";
import { isRecord } from "./isRecord";
import { normalizeAsset } from "./normalizeAsset";
import type { AssetPage, Envelope } from "./types";

/**
 * A page of assets from any listing: `payload.assets`, with the total from `recordCount` or `assetCount`. A search
 * asked for `assetCount` (includeTotalCount), so there it comes first; listings count in `recordCount`.
 */
export function readAssetPage(
  envelope: Envelope<unknown>,
  offset: number,
  totalFirstFrom: "recordCount" | "assetCount" = "recordCount",
): AssetPage {
  const payload = envelope.payload;
  const listed = isRecord(payload) ? (payload["assets"] ?? payload["Assets"]) : undefined;
  if (!Array.isArray(listed) || !listed.every(isRecord)) {
    throw badResponse("the list of assets is missing from the response");
  }
  const assets = listed.map(normalizeAsset);
  const raw = isRecord(payload) ? (payload["assetCount"] ?? payload["AssetCount"]) : undefined;
  const assetCount = typeof raw === "number" ? raw : undefined;
  const recordCount = envelope.recordCount?.totalRecordsFound;
  const total =
    (totalFirstFrom === "assetCount" ? (assetCount ?? recordCount) : (recordCount ?? assetCount)) ??
    offset + assets.length;
  return { assets, total, offset, count: assets.length };
}
