import { ApiError } from "./apiError";
import { applyAssetPatch } from "./assetPatch";
import { queryAssets, type AssetQuery } from "./assetQuery";
import { toAssetDto } from "./assetDto";
import { toCategoryDto } from "./categoryDto";
import type { KeywordQueue } from "./keywordQueue";
import type { Library } from "./library";
import { pageOf, pagingFromQuery, queryParam, readPaging, type Paging } from "./paging";
import { assetPermissions, requirePermission } from "./permissions";
import { toRenditionDtos } from "./renditionDto";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route, RouteRequest, RouteResult } from "./routes";
import type { AssetRecord } from "./seed/assets";

const JSON_PATCH_TYPES = ["application/json-patch+json", "application/json"];

function findAsset(library: Library, id: string): AssetRecord {
  const asset = library.asset(id);
  if (!asset) throw new ApiError(404, "not_found", `Asset ${id} was not found.`);
  return asset;
}

function optionalText(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ApiError(400, "bad_request", `${name} must be a string.`);
  return value;
}

function optionalFlag(name: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw new ApiError(400, "bad_request", `${name} must be true or false.`);
  return value;
}

/** The body of `POST /assets/search`. MediaValet's own examples spell `containerfilter` in lower case. */
function readSearchBody(body: unknown): AssetQuery & Paging & { includeTotalCount: boolean } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "bad_request", "The body must be a JSON object.");
  }
  const fields = new Map(Object.entries(body).map(([key, value]) => [key.toLowerCase(), value as unknown]));
  return {
    search: optionalText("search", fields.get("search")),
    filters: optionalText("filters", fields.get("filters")),
    containerFilter: optionalText("containerFilter", fields.get("containerfilter")),
    sort: optionalText("sort", fields.get("sort")),
    includeTotalCount: optionalFlag("includeTotalCount", fields.get("includetotalcount")),
    ...readPaging((name) => fields.get(name)),
  };
}

function readKeywordNames(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0) {
    throw new ApiError(400, "bad_request", 'The body must be a list of keywords, e.g. ["beach", "sunset"].');
  }
  return body.map((entry: unknown) => {
    if (typeof entry !== "string" || entry.trim() === "") {
      throw new ApiError(400, "bad_request", "Every keyword must be a non-empty string.");
    }
    return entry.trim();
  });
}

/**
 * Whether the asset carries the keyword, or will once the changes accepted before apply: a keyword added a moment
 * ago may be removed at once (the removal then applies after the add), as a queue that applies writes in order would.
 */
function willCarry(library: Library, queue: KeywordQueue, asset: AssetRecord, keywordId: string): boolean {
  const sameId = (name: string): boolean =>
    library.keywordIdFor(name).toLowerCase() === keywordId.toLowerCase();
  let carries = asset.keywords.some(sameId);
  for (const change of queue.pendingFor(asset)) {
    if (change.kind === "add" && change.names.some(sameId)) carries = true;
    if (change.kind === "remove" && change.keywordId.toLowerCase() === keywordId.toLowerCase())
      carries = false;
  }
  return carries;
}

/** Assets: listing and search, one asset, its edits, and its sub-resources (research §2.4). */
export function assetRoutes(data: ApiData): Route[] {
  const { library, apiUrl } = data;

  /**
   * A page of matching assets. `withTotal` adds `assetCount` and the envelope's `recordCount`: `GET /assets` always
   * has them (every public client reads them there); `POST /assets/search` only when the body says
   * `includeTotalCount: true`, the flag public clients send to get the total. Whether MediaValet also leaves out
   * `recordCount` without it is not known; the sandbox takes the stricter reading and gives no total at all.
   */
  const listing = (
    request: RouteRequest,
    query: AssetQuery,
    paging: Paging,
    withTotal: boolean,
  ): RouteResult => {
    const found = queryAssets(library, query, (asset) =>
      data.lightboxes.idsHolding(asset.id, request.claims.sub),
    );
    const { page, recordCount } = pageOf(found, paging);
    const permissions = assetPermissions(request.claims, request.apiVersion);
    const assets = page.map((asset) => toAssetDto(asset, apiUrl, permissions));
    if (!withTotal) return { status: 200, payload: { assets } };
    return { status: 200, payload: { assetCount: found.length, assets }, recordCount };
  };

  return [
    {
      method: "GET",
      path: /^\/assets$/,
      handle: (request) => {
        const read = (name: string) => queryParam(request.url, name);
        const query = {
          search: read("search"),
          filters: read("filters"),
          containerFilter: read("containerFilter"),
          sort: read("sort"),
        };
        return listing(request, query, pagingFromQuery(request.url), true);
      },
    },
    {
      method: "POST",
      path: /^\/assets\/search$/,
      handle: async (request) => {
        const { count, offset, includeTotalCount, ...query } = readSearchBody(
          await readJsonBody(request.req),
        );
        return listing(request, query, { count, offset }, includeTotalCount);
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => ({
        status: 200,
        payload: toAssetDto(
          findAsset(library, params[0] ?? ""),
          apiUrl,
          assetPermissions(claims, apiVersion),
        ),
      }),
    },
    {
      method: "PATCH",
      path: /^\/assets\/([^/]+)$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const asset = findAsset(library, params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:editMetadata");
        const errors = applyAssetPatch(asset, await readJsonBody(req, JSON_PATCH_TYPES), library, claims.sub);
        return {
          status: 200,
          payload: toAssetDto(asset, apiUrl, assetPermissions(claims, apiVersion)),
          errors,
        };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/keywords$/,
      handle: ({ params, url }) => {
        const asset = findAsset(library, params[0] ?? "");
        const { page, recordCount } = pageOf(asset.keywords, pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((name) => {
            const keyword = library.keywordFor(name);
            return { id: keyword.id, keywordName: keyword.keywordName };
          }),
          recordCount,
        };
      },
    },
    {
      // MediaValet queues keyword changes and answers 202: they show in the lists only once applied.
      method: "POST",
      path: /^\/assets\/([^/]+)\/keywords$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const asset = findAsset(library, params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:editKeywords");
        const names = readKeywordNames(await readJsonBody(req));
        data.keywordQueue.enqueue(asset, { kind: "add", names }, claims.sub);
        return { status: 202, payload: null };
      },
    },
    {
      method: "DELETE",
      path: /^\/assets\/([^/]+)\/keywords\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => {
        const asset = findAsset(library, params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:editKeywords");
        const keywordId = params[1] ?? "";
        if (!willCarry(library, data.keywordQueue, asset, keywordId)) {
          throw new ApiError(404, "not_found", `Asset ${asset.id} has no keyword ${keywordId}.`);
        }
        data.keywordQueue.enqueue(asset, { kind: "remove", keywordId }, claims.sub);
        return { status: 202, payload: null };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/attributes$/,
      handle: ({ params }) => {
        const asset = findAsset(library, params[0] ?? "");
        return { status: 200, payload: { id: asset.id, attributes: { ...asset.attributes } } };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/categories$/,
      handle: ({ params, url }) => {
        const asset = findAsset(library, params[0] ?? "");
        const categories = asset.categories.flatMap((id) => library.category(id) ?? []);
        const { page, recordCount } = pageOf(categories, pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((category) => toCategoryDto(category, library)),
          recordCount,
        };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/renditions$/,
      handle: ({ params, url }) => {
        const renditions = toRenditionDtos(findAsset(library, params[0] ?? ""), apiUrl);
        const { page, recordCount } = pageOf(renditions, pagingFromQuery(url));
        return { status: 200, payload: page, recordCount };
      },
    },
  ];
}
