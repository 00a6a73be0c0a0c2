import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./apiError";
import { toRenditionDtos } from "./renditionDto";
import { downloadState, type DownloadRecord, type DownloadStore } from "./downloadStore";
import type { Library } from "./library";
import { renderSvg } from "./media";
import { requirePermission } from "./permissions";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route } from "./routes";
import { checkDownloadForm, DOWNLOAD_FORM, DOWNLOAD_PRECONDITIONS } from "./seed/downloadRules";
import { zipArchive } from "./zipArchive";

const MAX_ARCHIVE_ASSETS = 1000;
const ARCHIVE_PATH = /^\/media\/downloads\/([0-9a-f-]{36})\/([^/]+\.zip)$/;

function archiveUrl(apiUrl: string, download: DownloadRecord): string {
  return `${apiUrl}/media/downloads/${download.id}/${encodeURIComponent(download.fileName)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The download shape of MediaValet's Postman collection (as api-evangelist's OpenAPI carries it). */
function toDownloadDto(download: DownloadRecord, apiUrl: string, library: Library) {
  const { status, processedCount } = downloadState(download, Date.now());
  const ready = status === "Ready";
  return {
    id: download.id,
    createdDateTime: new Date(download.createdAt).toISOString(),
    fileName: download.fileName,
    filePath: ready ? archiveUrl(apiUrl, download) : null,
    fileSize: ready ? archiveOf(download, library).length : 0,
    itemCount: download.assetIds.length,
    processedCount,
    status,
  };
}

function archiveOf(download: DownloadRecord, library: Library): Buffer {
  return zipArchive(
    download.assetIds.flatMap((id) => {
      const asset = library.asset(id);
      if (!asset) return [];
      const name = `${asset.fileName.replace(/\.[^.]+$/, "")}-${asset.id.slice(0, 8)}.svg`;
      return [{ name, data: Buffer.from(renderSvg(asset, "original"), "utf8") }];
    }),
  );
}

/** Refuses form answers that break the library's download rules (400 naming each field). */
function formProblems(answers: unknown) {
  const errors = checkDownloadForm(answers);
  if (errors.length === 0) return undefined;
  return {
    status: 400,
    payload: { id: null, sasUrl: null, errors },
    errors: errors.map((error) => ({ code: "download_rule", message: error.message })),
  };
}

/** Downloads (research §2.7, §5): the library's rules, single files, archives of many, and the count of downloads. */
export function downloadRoutes(data: ApiData): Route[] {
  const { library, downloads, apiUrl, control } = data;
  return [
    {
      method: "POST",
      path: /^\/downloads\/validate$/,
      handle: async ({ req, claims, apiVersion }) => {
        requirePermission(claims, apiVersion, "asset:download");
        const body = await readJsonBody(req);
        if (!isRecord(body)) throw new ApiError(400, "bad_request", "The body must be a JSON object.");
        return {
          status: 200,
          payload: {
            downloadId: downloads.validation(claims.sub),
            // No link until the rules are met: the link comes from POST /downloads/{downloadId}/asset.
            downloadLink: null,
            preconditions: [...DOWNLOAD_PRECONDITIONS],
            settings: [],
            customFormDetails: DOWNLOAD_FORM,
          },
        };
      },
    },
    {
      method: "POST",
      path: /^\/downloads\/([^/]+)\/asset$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        requirePermission(claims, apiVersion, "asset:download");
        const downloadId = params[0] ?? "";
        if (downloads.validatedBy(downloadId) !== claims.sub) {
          throw new ApiError(
            404,
            "not_found",
            `No download check ${downloadId}; ask POST /downloads/validate.`,
          );
        }
        const body = await readJsonBody(req);
        if (!isRecord(body)) throw new ApiError(400, "bad_request", "The body must be a JSON object.");
        const asset = library.asset(String(body["assetId"] ?? ""));
        if (!asset) throw new ApiError(404, "not_found", `Asset ${String(body["assetId"])} was not found.`);
        const refused = formProblems(body["attributeIdValues"]);
        if (refused) return refused;
        const renditions = toRenditionDtos(asset, apiUrl);
        const wanted = body["renditionId"];
        const rendition =
          wanted === undefined
            ? renditions.find((entry) => entry.name === "Original")
            : renditions.find((entry) => entry.id === wanted);
        if (!rendition)
          throw new ApiError(400, "bad_request", `Asset ${asset.id} has no rendition ${String(wanted)}.`);
        return { status: 202, payload: { id: downloadId, sasUrl: rendition.url, errors: [] } };
      },
    },
    {
      method: "POST",
      path: /^\/downloads$/,
      handle: async ({ req, claims, apiVersion }) => {
        requirePermission(claims, apiVersion, "asset:download");
        const body = await readJsonBody(req);
        const settings = isRecord(body) ? body["downloadSettingsPostDetail"] : undefined;
        const ids = isRecord(settings) ? settings["ids"] : undefined;
        if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === "string")) {
          throw new ApiError(
            400,
            "bad_request",
            "downloadSettingsPostDetail.ids must be a list of asset ids.",
          );
        }
        if (ids.length > MAX_ARCHIVE_ASSETS) {
          throw new ApiError(400, "bad_request", `An archive holds at most ${MAX_ARCHIVE_ASSETS} assets.`);
        }
        const unknown = (ids as string[]).filter((id) => !library.asset(id));
        if (unknown.length > 0)
          throw new ApiError(400, "bad_request", `No asset with id ${unknown.join(", ")}.`);
        const refused = formProblems(isRecord(body) ? body["attributeIdValues"] : undefined);
        if (refused) return refused;
        const requested = isRecord(settings) ? settings["zipFileName"] : undefined;
        const base = typeof requested === "string" && requested.trim() !== "" ? requested.trim() : "assets";
        const fileName = `${base.replace(/[^\w. -]+/g, "_").replace(/\.zip$/i, "")}.zip`;
        const assetIds = (ids as string[]).flatMap((id) => library.asset(id)?.id ?? []);
        const download = downloads.create(claims.sub, assetIds, fileName, control.archiveSettings());
        return { status: 202, payload: { batchId: download.id } };
      },
    },
    {
      method: "GET",
      path: /^\/downloads$/,
      handle: ({ claims }) => {
        const mine = downloads.listFor(claims.sub);
        return {
          status: 200,
          payload: {
            hash: String(mine.length),
            data: mine.map((download) => toDownloadDto(download, apiUrl, library)),
          },
          recordCount: { totalRecordsFound: mine.length, startingRecord: 1, recordsReturned: mine.length },
        };
      },
    },
    {
      method: "GET",
      path: /^\/downloads\/([^/]+)$/,
      handle: ({ params, claims }) => {
        const download = downloads.find(params[0] ?? "");
        if (!download || download.userId !== claims.sub) {
          throw new ApiError(404, "not_found", `Download ${params[0]} was not found.`);
        }
        return { status: 200, payload: toDownloadDto(download, apiUrl, library) };
      },
    },
    {
      method: "POST",
      path: /^\/assets\/([^/]+)\/downloaded$/,
      handle: ({ params, claims, apiVersion }) => {
        const asset = library.asset(params[0] ?? "");
        if (!asset) throw new ApiError(404, "not_found", `Asset ${params[0]} was not found.`);
        requirePermission(claims, apiVersion, "asset:download");
        downloads.recordDownload(asset.id);
        control.stats.downloadsRecorded++;
        return { status: 200, payload: null };
      },
    },
  ];
}

/**
 * Serves a ready archive at `/media/downloads/{id}/{name}.zip` without authentication, like the SAS link MediaValet
 * hands out. An expired archive answers 403, as Azure Blob Storage does for an expired SAS; one not ready yet, 404.
 */
export function serveArchive(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  downloads: DownloadStore,
  library: Library,
): boolean {
  const match = ARCHIVE_PATH.exec(path);
  if (!match) return false;
  res.setHeader("Access-Control-Allow-Origin", "*");
  const download = downloads.find(match[1] ?? "");
  const state = download ? downloadState(download, Date.now()) : undefined;
  if (!download || !state || (state.status !== "Ready" && state.status !== "Expired")) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    return true;
  }
  if (state.status === "Expired") {
    res
      .writeHead(403, { "Content-Type": "text/plain; charset=utf-8" })
      .end("AuthenticationFailed: Signed expiry time has passed.");
    return true;
  }
  const zip = archiveOf(download, library);
  res.writeHead(200, {
    "Content-Type": "application/zip",
    "Content-Length": zip.length,
    "Content-Disposition": `attachment; filename="${download.fileName}"`,
  });
  res.end(req.method === "HEAD" ? undefined : zip);
  return true;
}
