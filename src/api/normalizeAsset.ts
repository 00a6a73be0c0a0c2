import { isRecord } from "./isRecord";
import { safeMediaUrl } from "./safeMediaUrl";
import type { Asset, AssetMedia, AssetRendition } from "./types";

// The fields that always hold links, whatever their value looks like (a relative or "//host" value is refused too).
const LINKS: ReadonlySet<string> = new Set([
  "thumb",
  "small",
  "medium",
  "large",
  "original",
  "download",
  "stream",
  "streamLoDef",
  "streamingManifest",
]);

/**
 * An asset as the pages may use it: every link in `media` (thumb, large, download, stream, and any other absolute
 * URL MediaValet adds there) is checked with safeMediaUrl and left out when it fails, so no page can put a
 * `javascript:` or remote `http:` link from the API into the document. Values that are not URLs (`type`,
 * `downloadRequest: "downloads/validate"`, dates) and the rest of the asset are MediaValet's and pass through.
 */
export function normalizeAsset(raw: Record<string, unknown>): Asset {
  const media = isRecord(raw["media"]) ? raw["media"] : {};
  const kept = Object.entries(media).flatMap(([key, value]): [string, unknown][] => {
    if (!LINKS.has(key) && !looksLikeUrl(value)) return [[key, value]];
    const safe = safeMediaUrl(value);
    return safe === undefined ? [] : [[key, safe]];
  });
  return { ...raw, media: Object.fromEntries(kept) as unknown as AssetMedia } as unknown as Asset;
}

/** A rendition whose `url` passed safeMediaUrl, or has none. */
export function normalizeRendition(raw: Record<string, unknown>): AssetRendition {
  const { url, ...rest } = raw;
  const safe = safeMediaUrl(url);
  return (safe === undefined ? rest : { ...rest, url: safe }) as unknown as AssetRendition;
}

/** Anything with a scheme (`https:`, `javascript:`, `data:`) or protocol-relative (`//host`) is treated as a link. */
function looksLikeUrl(value: unknown): boolean {
  return typeof value === "string" && /^\s*([a-z][a-z\d+.-]*:|[/\\]{2})/i.test(value);
}
