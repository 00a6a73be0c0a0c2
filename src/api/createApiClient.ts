import { ApiError } from "./ApiError";
import { errorFromStatus } from "./errorFromStatus";
import { isRecord } from "./isRecord";
import { matchPatchErrors } from "./matchPatchErrors";
import { normalizeAsset, normalizeRendition } from "./normalizeAsset";
import { normalizeEnvelope } from "./normalizeEnvelope";
import { parseRetryAfter } from "./parseRetryAfter";
import { PatchRefusedError } from "./PatchRefusedError";
import { readAllPages, type ListPage } from "./readAllPages";
import { readErrorBody } from "./readErrorBody";
import type {
  Asset,
  AssetKeyword,
  AssetPage,
  AssetRendition,
  AssetSearch,
  AttributeDefinition,
  Category,
  CurrentUser,
  Envelope,
  JsonPatchOperation,
  Keyword,
} from "./types";

export interface ApiClientOptions {
  /** The API root, e.g. `https://api.mediavalet.com`; a trailing slash is ignored. */
  baseUrl: string;
  subscriptionKey: string;
  apiVersion: "1.0" | "1.1" | "1.2";
  /** The current access token, or undefined when nobody is signed in. */
  getAccessToken: () => string | undefined | Promise<string | undefined>;
  /**
   * Gets a new access token after the API answered 401; resolves undefined (or rejects) when that is impossible.
   * Concurrent 401s share one call.
   */
  renewAccessToken?: () => Promise<string | undefined>;
  fetch: typeof fetch;
}

export interface ApiRequestInit {
  method?: string;
  /** Undefined and empty values are left out. */
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON, unless it is a string and `contentType` names something other than JSON. */
  body?: unknown;
  /** Defaults to `application/json`; sent only with a body. */
  contentType?: string;
  signal?: AbortSignal;
  /**
   * What the call does, said so it completes "You are not allowed to …" (e.g. "change this asset"): a refusal
   * then names the action.
   */
  action?: string;
}

export interface ApiClient {
  /** Calls any API path (e.g. `/categories`) and returns the whole envelope. */
  request<T>(path: string, init?: ApiRequestInit): Promise<Envelope<T>>;
  getCurrentUser(signal?: AbortSignal): Promise<CurrentUser>;
  /** `GET /assets`: a page of the library, optionally filtered by MediaValet's `search` syntax. */
  listAssets(
    params: { search?: string; count?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<AssetPage>;
  /** `POST /assets/search`: like listAssets, plus `filters` and `sort`; always asks for the true total. */
  searchAssets(params: AssetSearch, signal?: AbortSignal): Promise<AssetPage>;
  getAsset(id: string, signal?: AbortSignal): Promise<Asset>;
  /**
   * `PATCH /assets/{id}` with a JSON Patch.
   * @returns the updated asset when MediaValet sends it back, undefined when it answers without one (202/204)
   * @throws PatchRefusedError when MediaValet skipped some operations (listed in `errors`) and applied the others
   */
  patchAsset(id: string, operations: JsonPatchOperation[], signal?: AbortSignal): Promise<Asset | undefined>;
  /** Every page of the asset's keywords (MediaValet pages sub-resources too). */
  getAssetKeywords(id: string, signal?: AbortSignal): Promise<AssetKeyword[]>;
  /** `POST /assets/{id}/keywords`; MediaValet accepts it with 202 and applies it shortly after. */
  addAssetKeywords(id: string, keywords: string[], signal?: AbortSignal): Promise<void>;
  /** `DELETE /assets/{id}/keywords/{keywordId}` (202). */
  removeAssetKeyword(id: string, keywordId: string, signal?: AbortSignal): Promise<void>;
  /** The asset's attribute values, keyed by attribute id. */
  getAssetAttributes(id: string, signal?: AbortSignal): Promise<Record<string, string>>;
  getAssetCategories(id: string, signal?: AbortSignal): Promise<Category[]>;
  getAssetRenditions(id: string, signal?: AbortSignal): Promise<AssetRendition[]>;
  /**
   * `GET /categories`: every category of the library, as a flat list (see `parentId` and `tree.path`), read page
   * by page until `recordCount.totalRecordsFound`.
   */
  listCategories(signal?: AbortSignal): Promise<Category[]>;
  getCategory(id: string, signal?: AbortSignal): Promise<Category>;
  listCategoryAssets(
    id: string,
    params: { count?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<AssetPage>;
  /** `GET /keywords`, every page. */
  listKeywords(signal?: AbortSignal): Promise<Keyword[]>;
  /** `GET /attributes`, every page. */
  listAttributes(signal?: AbortSignal): Promise<AttributeDefinition[]>;
}

const SESSION_ENDED = "Your MediaValet session has ended. Sign in again to continue.";
const RENEWAL_FAILED =
  "MediaValet did not accept your sign-in, and Valet could not renew it just now (401). Try again in a moment; if it keeps happening, sign in again.";
// The longest Retry-After the client waits out by itself before retrying once; longer ones surface as "throttled".
const MAX_THROTTLE_WAIT_SECONDS = 10;

/**
 * Creates the MediaValet API client. It attaches the access token and subscription key to every call, unwraps the
 * response envelope, renews the token once on a 401 and retries once, and turns every failure into an ApiError.
 * It knows nothing of how sign-in works: the token source, the renewal and fetch are handed in.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  // The renewal in progress, shared by every request that hits a 401 meanwhile, so one expiry costs one refresh.
  let renewal: Promise<string | undefined> | undefined;

  function renewShared(renew: () => Promise<string | undefined>): Promise<string | undefined> {
    if (renewal === undefined) {
      const pending = Promise.resolve().then(renew);
      const clear = () => {
        if (renewal === pending) renewal = undefined;
      };
      pending.then(clear, clear);
      renewal = pending;
    }
    return renewal;
  }

  async function currentToken(signal: AbortSignal | undefined): Promise<string | undefined> {
    try {
      const token = await untilAborted(Promise.resolve().then(options.getAccessToken), signal);
      return token === "" ? undefined : token;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError("session_ended", SESSION_ENDED, { cause: error });
    }
  }

  /** A token to retry with after `rejected` got a 401: one a concurrent renewal already obtained, or a new one. */
  async function tokenAfter401(
    rejected: string,
    renew: () => Promise<string | undefined>,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const current = await currentToken(signal);
    if (current !== undefined && current !== rejected) return current;
    let renewed: string | undefined;
    // Whether the session goes on is the auth side's decision (it ends it when the refresh token is refused);
    // here a failed renewal only fails this request.
    try {
      renewed = await untilAborted(renewShared(renew), signal);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError("renewal_failed", RENEWAL_FAILED, { status: 401, cause: error });
    }
    if (renewed === undefined || renewed === "") {
      throw new ApiError("renewal_failed", RENEWAL_FAILED, { status: 401 });
    }
    return renewed;
  }

  async function send(url: string, init: ApiRequestInit, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${token}`,
      "Ocp-Apim-Subscription-Key": options.subscriptionKey,
      "x-mv-api-version": options.apiVersion,
    };
    let body: string | undefined;
    if (init.body !== undefined) {
      const contentType = init.contentType ?? "application/json";
      headers["Content-Type"] = contentType;
      body =
        typeof init.body === "string" && !/json/i.test(contentType) ? init.body : JSON.stringify(init.body);
    }
    try {
      return await options.fetch(url, {
        method: init.method ?? "GET",
        headers,
        body,
        // The token travels in a header; cookies for the API host have no business in these calls.
        credentials: "omit",
        signal: init.signal,
      });
    } catch (error) {
      throw failedToSend(error, init.signal, baseUrl);
    }
  }

  async function request<T>(path: string, init: ApiRequestInit = {}): Promise<Envelope<T>> {
    const url = buildUrl(baseUrl, path, init.query);
    const token = await currentToken(init.signal);
    if (token === undefined) throw new ApiError("session_ended", SESSION_ENDED);

    let response = await send(url, init, token);
    if (response.status === 401) {
      const said = readErrorBody(await readText(response, init.signal, baseUrl));
      // A gateway 401 is about the subscription key; a new token would be rejected the same way.
      if (said.fromGateway || options.renewAccessToken === undefined) {
        throw errorFromStatus(401, response.headers, said, init.action);
      }
      const renewed = await tokenAfter401(token, options.renewAccessToken, init.signal);
      response = await send(url, init, renewed);
      if (response.status === 401) {
        const saidAgain = readErrorBody(await readText(response, init.signal, baseUrl));
        if (saidAgain.fromGateway) throw errorFromStatus(401, response.headers, saidAgain, init.action);
        // A token minted a moment ago is refused: on API version 1.0 that is how MediaValet says "not allowed".
        // It is not proof the session is over, so it is reported, never acted on.
        throw notAllowedOrSession(init.action, saidAgain.message);
      }
    }

    if (response.status === 429) {
      const wait = parseRetryAfter(response.headers.get("Retry-After"));
      // Honour a short wait once, as the gateway asks; a long one is the page's to show, with "Try again".
      if (wait !== undefined && wait <= MAX_THROTTLE_WAIT_SECONDS) {
        await readText(response, init.signal, baseUrl);
        await untilAborted(delay(wait * 1000), init.signal);
        response = await send(url, init, (await currentToken(init.signal)) ?? token);
      }
    }

    const text = await readText(response, init.signal, baseUrl);
    if (!response.ok) {
      throw errorFromStatus(response.status, response.headers, readErrorBody(text), init.action);
    }
    return parseEnvelope<T>(response.status, text);
  }

  /** Reads a whole list endpoint page by page (see readAllPages). */
  function readWholeList<T>(path: string, what: string, action: string, signal?: AbortSignal): Promise<T[]> {
    return readAllPages(async (offset, count): Promise<ListPage<T>> => {
      const envelope = await request<unknown>(path, { query: { count, offset }, signal, action });
      return { items: readList<T>(envelope.payload, what), total: envelope.recordCount?.totalRecordsFound };
    });
  }

  return {
    request,

    async getCurrentUser(signal) {
      const envelope = await request<unknown>("/users/current", { signal, action: "see your profile" });
      if (!isRecord(envelope.payload)) throw badResponse("the current user is missing from the response");
      return envelope.payload as unknown as CurrentUser;
    },

    async listAssets(params, signal) {
      const envelope = await request<unknown>("/assets", {
        query: { search: params.search, count: params.count, offset: params.offset },
        signal,
        action: "see the library",
      });
      return readAssetPage(envelope, params.offset ?? 0);
    },

    async searchAssets(params, signal) {
      // Without includeTotalCount MediaValet may leave out assetCount, and the pager would not know the total.
      const body: Record<string, string | number | boolean> = { includeTotalCount: true };
      for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== "") body[key] = value;
      }
      const envelope = await request<unknown>("/assets/search", {
        method: "POST",
        body,
        signal,
        action: "search the library",
      });
      return readAssetPage(envelope, params.offset ?? 0, "assetCount");
    },

    async getAsset(id, signal) {
      const envelope = await request<unknown>(assetPath(id), { signal, action: "see this asset" });
      return normalizeAsset(readRecord(envelope.payload, "the asset"));
    },

    async patchAsset(id, operations, signal) {
      const envelope = await request<unknown>(assetPath(id), {
        method: "PATCH",
        body: operations,
        contentType: "application/json-patch+json",
        signal,
        action: "change this asset",
      });
      const asset =
        isRecord(envelope.payload) && typeof envelope.payload["id"] === "string"
          ? normalizeAsset(envelope.payload)
          : undefined;
      // MediaValet answers 200 even when it skipped operations; only `errors` tells.
      if (envelope.errors.length > 0) {
        const refused = matchPatchErrors(operations, envelope.errors);
        const unrefused = operations.filter(
          (operation) => !refused.some((entry) => entry.operation === operation),
        );
        throw new PatchRefusedError(refused, unrefused, asset);
      }
      return asset;
    },

    getAssetKeywords(id, signal) {
      return readWholeList<AssetKeyword>(
        `${assetPath(id)}/keywords`,
        "the asset's keywords",
        "see this asset's keywords",
        signal,
      );
    },

    async addAssetKeywords(id, keywords, signal) {
      await request<unknown>(`${assetPath(id)}/keywords`, {
        method: "POST",
        body: keywords,
        signal,
        action: "add keywords to this asset",
      });
    },

    async removeAssetKeyword(id, keywordId, signal) {
      await request<unknown>(`${assetPath(id)}/keywords/${encodePathSegment(keywordId)}`, {
        method: "DELETE",
        signal,
        action: "remove keywords from this asset",
      });
    },

    async getAssetAttributes(id, signal) {
      const envelope = await request<unknown>(`${assetPath(id)}/attributes`, {
        signal,
        action: "see this asset's attributes",
      });
      const payload = envelope.payload;
      // MediaValet wraps the values in `attributes`; a bare map is read too.
      const values = isRecord(payload) && isRecord(payload["attributes"]) ? payload["attributes"] : payload;
      if (!isRecord(values)) throw badResponse("the asset's attributes are missing from the response");
      return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, textOf(value)]));
    },

    getAssetCategories(id, signal) {
      return readWholeList<Category>(
        `${assetPath(id)}/categories`,
        "the asset's categories",
        "see this asset's categories",
        signal,
      );
    },

    async getAssetRenditions(id, signal) {
      const renditions = await readWholeList<Record<string, unknown>>(
        `${assetPath(id)}/renditions`,
        "the asset's renditions",
        "see this asset's renditions",
        signal,
      );
      return renditions.map(normalizeRendition);
    },

    listCategories(signal) {
      return readWholeList<Category>("/categories", "the list of categories", "see the categories", signal);
    },

    async getCategory(id, signal) {
      const envelope = await request<unknown>(`/categories/${encodePathSegment(id)}`, {
        signal,
        action: "see this category",
      });
      return readRecord(envelope.payload, "the category") as unknown as Category;
    },

    async listCategoryAssets(id, params, signal) {
      const envelope = await request<unknown>(`/categories/${encodePathSegment(id)}/assets`, {
        query: { count: params.count, offset: params.offset },
        signal,
        action: "see the assets in this category",
      });
      return readAssetPage(envelope, params.offset ?? 0);
    },

    listKeywords(signal) {
      return readWholeList<Keyword>("/keywords", "the list of keywords", "see the keywords", signal);
    },

    listAttributes(signal) {
      return readWholeList<AttributeDefinition>(
        "/attributes",
        "the list of attributes",
        "see the attributes",
        signal,
      );
    },
  };
}

function assetPath(id: string): string {
  return `/assets/${encodePathSegment(id)}`;
}

/**
 * A page of assets from any listing: `payload.assets`, with the total from `recordCount` or `assetCount`. A search
 * asked for `assetCount` (includeTotalCount), so there it comes first; listings count in `recordCount`.
 */
function readAssetPage(
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

/** Checks only the outline (a list of objects): the items' fields are MediaValet's to define. */
function readList<T>(payload: unknown, what: string): T[] {
  if (!Array.isArray(payload) || !payload.every(isRecord))
    throw badResponse(`${what} is missing from the response`);
  return payload as T[];
}

function readRecord(payload: unknown, what: string): Record<string, unknown> {
  if (!isRecord(payload)) throw badResponse(`${what} is missing from the response`);
  return payload;
}

function notAllowedOrSession(action: string | undefined, said: string | undefined): ApiError {
  const what = action ?? "do this";
  const message =
    `MediaValet refused to let you ${what}, even with a freshly renewed sign-in (401). Either your account is not ` +
    "allowed to do it, or there is a problem with your session; if it keeps happening, ask your MediaValet " +
    "administrator, or sign out and in again.";
  return new ApiError(
    "not_allowed_or_session",
    said === undefined ? message : `${message} MediaValet said: ${said}`,
    {
      status: 401,
    },
  );
}

/** Attribute values are strings in MediaValet, but a stand-in or a newer version may send numbers or booleans. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function buildUrl(baseUrl: string, path: string, query: ApiRequestInit["query"]): string {
  // Always below the base: a path can never name another host, so the token cannot be sent elsewhere.
  const url = `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`;
  const pairs = Object.entries(query ?? {}).flatMap(([key, value]) =>
    value === undefined || value === ""
      ? []
      : [`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`],
  );
  if (pairs.length === 0) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${pairs.join("&")}`;
}

/** encodeURIComponent leaves "." and ".." alone, and URL resolution would turn them into "this/parent folder". */
function encodePathSegment(segment: string): string {
  if (segment === "." || segment === "..") return segment.replaceAll(".", "%2E");
  return encodeURIComponent(segment);
}

async function readText(response: Response, signal: AbortSignal | undefined, host: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw failedToSend(error, signal, host);
  }
}

function failedToSend(error: unknown, signal: AbortSignal | undefined, host: string): ApiError {
  if (signal?.aborted === true || isAbortError(error)) {
    return new ApiError("aborted", "The request to MediaValet was cancelled.", { cause: error });
  }
  const reason = error instanceof Error ? `: ${error.message}` : "";
  return new ApiError(
    "network_error",
    `Could not reach MediaValet at ${host}${reason}. Check your connection and try again.`,
    { cause: error },
  );
}

function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

function parseEnvelope<T>(status: number, text: string): Envelope<T> {
  // Some writes answer 202/204 with nothing at all; that is success, with no payload to give back.
  if (text.trim() === "" && (status === 202 || status === 204)) {
    return { apiVersion: "", warnings: [], errors: [], payload: undefined as T };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badResponse("it is not JSON", error);
  }
  const envelope = normalizeEnvelope(body);
  if (envelope === undefined) throw badResponse("it has no payload");
  return envelope as Envelope<T>;
}

function badResponse(reason: string, cause?: unknown): ApiError {
  return new ApiError("bad_response", `MediaValet sent a response Valet cannot read: ${reason}.`, { cause });
}

/** Settles like `promise`, or rejects with an "aborted" ApiError as soon as `signal` aborts. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(new ApiError("aborted", "The request to MediaValet was cancelled.", { cause: signal.reason }));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
