import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml } from "../html";
import type { AssetRecord } from "./seed/assets";

export const MEDIA_SIZES = ["thumb", "small", "medium", "large", "original", "download"] as const;
export type MediaSize = (typeof MEDIA_SIZES)[number];

/** Rendered widths; `original` and `download` use the file's own dimensions. */
const WIDTHS: Record<Exclude<MediaSize, "original" | "download">, number> = {
  thumb: 200,
  small: 400,
  medium: 800,
  large: 1600,
};

const MEDIA_PATH = /^\/media\/([0-9a-f-]{36})\/([a-z]+)\.svg$/;

export function mediaUrl(apiUrl: string, assetId: string, size: MediaSize): string {
  return `${apiUrl}/media/${assetId}/${size}.svg`;
}

export function mediaDimensions(asset: AssetRecord, size: MediaSize): { width: number; height: number } {
  if (size === "original" || size === "download") return { width: asset.width, height: asset.height };
  const width = WIDTHS[size];
  return { width, height: Math.max(1, Math.round((width * asset.height) / asset.width)) };
}

/** A stable hue per asset, so every rendition of one asset looks alike and neighbours differ. */
function hueOf(assetId: string): number {
  return parseInt(createHash("sha256").update(assetId).digest("hex").slice(0, 6), 16) % 360;
}

/** A placeholder picture: a gradient in the asset's own colour, with its title and type written on it. */
export function renderSvg(asset: AssetRecord, size: MediaSize): string {
  const { width, height } = mediaDimensions(asset, size);
  const hue = hueOf(asset.id);
  const shorter = Math.min(width, height);
  // Thumbnails are often shown cropped to a square (object-fit: cover), so the title must fit the central square.
  const titleSize = Math.max(8, Math.min(shorter / 8, (shorter * 1.2) / Math.max(asset.title.length, 1)));
  const labelSize = Math.max(6, titleSize * 0.55);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(asset.title)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 65% 55%)"/>
<stop offset="1" stop-color="hsl(${(hue + 50) % 360} 70% 28%)"/>
</linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<text x="50%" y="50%" text-anchor="middle" dominant-baseline="middle" fill="#fff" font-family="system-ui, sans-serif" font-size="${titleSize.toFixed(1)}" font-weight="600">${escapeHtml(asset.title)}</text>
<text x="50%" y="${(height / 2 + titleSize * 1.2).toFixed(1)}" text-anchor="middle" dominant-baseline="hanging" fill="#fff" fill-opacity="0.8" font-family="system-ui, sans-serif" font-size="${labelSize.toFixed(1)}">${escapeHtml(`${asset.type} · ${asset.fileType}`)}</text>
</svg>
`;
}

function isMediaSize(value: string): value is MediaSize {
  return (MEDIA_SIZES as readonly string[]).includes(value);
}

/**
 * Serves `/media/{assetId}/{size}.svg` without any authentication, like MediaValet's blob SAS URLs, so the links
 * work in `<img src>` and `<a download>`. Returns false when the path is not a media path.
 */
export function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  findAsset: (id: string) => AssetRecord | undefined,
): boolean {
  const match = MEDIA_PATH.exec(path);
  if (!match) return false;

  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
  if (req.method === "OPTIONS") {
    res.writeHead(204, { "Access-Control-Allow-Methods": "GET, HEAD" }).end();
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD, OPTIONS" }).end();
    return true;
  }

  const asset = findAsset(match[1] ?? "");
  const size = match[2] ?? "";
  if (!asset || !isMediaSize(size)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    return true;
  }

  const svg = renderSvg(asset, size);
  const downloadName = asset.fileName.replace(/\.[^.]+$/, ".svg");
  res.writeHead(200, {
    "Content-Type": "image/svg+xml",
    "Content-Length": Buffer.byteLength(svg),
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    // Opened directly, the picture is its own document: it may not run or fetch anything.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    ...(size === "download" ? { "Content-Disposition": `attachment; filename="${downloadName}"` } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : svg);
  return true;
}
