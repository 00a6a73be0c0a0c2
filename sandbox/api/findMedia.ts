import { readFileSync, readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { DirectLinkStore } from "./directLinkStore";
import { cdnPath } from "./directLinkRoutes";
import type { Library } from "./library";
import { renderSvg, type MediaSize } from "./media";

/** The committed HLS fixture: a master playlist, a media playlist, an fMP4 init segment and three segments. */
const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/hls/", import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  m3u8: "application/vnd.apple.mpegurl",
  mp4: "video/mp4",
  m4s: "video/iso.segment",
};
const STREAM_PATH = /^\/streams\/([0-9a-f-]{36})\/([a-z0-9]+\.(m3u8|mp4|m4s))$/;
const CDN_PATH = /^\/cdn\/([0-9a-f-]{36})\/[^/]+$/;

function loadFixture(): Map<string, Buffer> {
  return new Map(readdirSync(FIXTURE_DIR).map((name) => [name, readFileSync(`${FIXTURE_DIR}${name}`)]));
}

export interface FindMediaOptions {
  library: Library;
  directLinks: DirectLinkStore;
  /** Origins that get CORS on streams (the app's), as a storage account's CORS rules would list them. */
  appOrigins: readonly string[];
}

/**
 * Serves, without credentials like MediaValet's blob and CDN URLs: `/streams/{assetId}/…` (the HLS fixture, for
 * videos that stream) and `/cdn/{directLinkId}/{name}` (a direct link's rendition, as long as the link exists).
 * Returns false when the path is neither.
 */
export function createFindMedia(
  options: FindMediaOptions,
): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  const fixture = loadFixture();
  const allowed = new Set(options.appOrigins);

  const start = (req: IncomingMessage, res: ServerResponse, cors: "app" | "any"): boolean => {
    const origin = req.headers.origin;
    if (cors === "any") res.setHeader("Access-Control-Allow-Origin", "*");
    else {
      res.setHeader("Vary", "Origin");
      if (origin !== undefined && allowed.has(origin)) res.setHeader("Access-Control-Allow-Origin", origin);
    }
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, HEAD",
        "Access-Control-Allow-Headers": "Range",
      });
      res.end();
      return false;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD, OPTIONS" }).end();
      return false;
    }
    return true;
  };
  const notFound = (res: ServerResponse) =>
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");

  return (req, res, path) => {
    const stream = STREAM_PATH.exec(path);
    if (stream) {
      if (!start(req, res, "app")) return true;
      const asset = options.library.asset(stream[1] ?? "");
      const file = fixture.get(stream[2] ?? "");
      if (!asset?.streams || !file) {
        notFound(res);
        return true;
      }
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[stream[3] ?? ""] ?? "application/octet-stream",
        "Content-Length": file.length,
        "Cache-Control": "public, max-age=3600",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : file);
      return true;
    }

    const cdn = CDN_PATH.exec(path);
    if (cdn) {
      // A CDN link is public: any page may embed it, as the point of a direct link is to be used anywhere.
      if (!start(req, res, "any")) return true;
      const link = options.directLinks.find(cdn[1] ?? "");
      const asset = link ? options.library.asset(link.assetId) : undefined;
      if (!link || !asset || cdnPath(link, asset) !== path) {
        notFound(res);
        return true;
      }
      const size: MediaSize = link.size.type === "Original" ? "original" : sizeFor(link.size.width);
      const svg = renderSvg(asset, size);
      res.writeHead(200, {
        // Every sandbox rendition is a picture of the asset, whatever format the link asked for.
        "Content-Type": "image/svg+xml",
        "Content-Length": Buffer.byteLength(svg),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(req.method === "HEAD" ? undefined : svg);
      return true;
    }
    return false;
  };
}

function sizeFor(width: number): MediaSize {
  if (width <= 200) return "thumb";
  if (width <= 400) return "small";
  if (width <= 800) return "medium";
  return "large";
}
