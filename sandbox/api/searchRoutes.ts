import { ApiError, type ApiErrorEntry } from "./apiError";
import { queryAssets, type AssetQuery } from "./assetQuery";
import { facetsFor } from "./facets";
import type { FindStores } from "./findStores";
import { pageOf, pagingFromQuery, queryParam } from "./paging";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route, RouteRequest } from "./routes";
import type { SavedSearchFields, SavedSearchRecord } from "./savedSearchStore";
import { userRefOf } from "./userRef";

const MAX_NAME_LENGTH = 100;
const EDITABLE = ["name", "search", "filters", "containerFilter", "sort", "pinned"] as const;
type Editable = (typeof EDITABLE)[number];

function toSavedSearchDto(record: SavedSearchRecord) {
  return {
    id: record.id,
    name: record.name,
    search: record.search,
    filters: record.filters,
    containerFilter: record.containerFilter,
    sort: record.sort,
    pinned: record.pinned,
    createdAt: record.createdAt,
    modifiedAt: record.modifiedAt,
    createdBy: userRefOf(record.ownerId),
  };
}

/** Checks one field's value; throws ApiError(400) naming the field. */
function checkField(name: Editable, value: unknown): string | boolean {
  if (name === "pinned") {
    if (typeof value !== "boolean") throw new ApiError(400, "bad_request", "pinned must be true or false.");
    return value;
  }
  if (typeof value !== "string") throw new ApiError(400, "bad_request", `${name} must be a string.`);
  if (name === "name") {
    const trimmed = value.trim();
    if (trimmed === "" || trimmed.length > MAX_NAME_LENGTH) {
      throw new ApiError(400, "bad_request", `name must be 1 to ${MAX_NAME_LENGTH} characters.`);
    }
    return trimmed;
  }
  return value;
}

/** The whole saved search from a POST or PUT body: `name` required, the rest default to empty / false. */
function readFields(body: unknown): SavedSearchFields {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "bad_request", "The body must be a JSON object.");
  }
  const given = new Map(Object.entries(body).map(([key, value]) => [key.toLowerCase(), value as unknown]));
  const read = (name: Editable, fallback: string | boolean): string | boolean => {
    const value = given.get(name.toLowerCase());
    return value === undefined || value === null ? fallback : checkField(name, value);
  };
  if (given.get("name") === undefined) throw new ApiError(400, "bad_request", "name is required.");
  return {
    name: read("name", "") as string,
    search: read("search", "") as string,
    filters: read("filters", "") as string,
    containerFilter: read("containerFilter", "") as string,
    sort: read("sort", "") as string,
    pinned: read("pinned", false) as boolean,
  };
}

/** The search + facet endpoints and saved searches (research §2.4, §5). */
export function searchRoutes(data: ApiData & { find: FindStores }): Route[] {
  const { library } = data;
  const store = data.find.savedSearches;

  const found = (request: RouteRequest, query: AssetQuery) =>
    queryAssets(library, query, (asset) => data.lightboxes.idsHolding(asset.id, request.claims.sub));

  /** A saved search must be one the API can run: its filters, container filter and sort are checked now. */
  const runnable = (request: RouteRequest, fields: SavedSearchFields): void => {
    found(request, {
      search: fields.search,
      filters: fields.filters,
      containerFilter: fields.containerFilter,
      sort: fields.sort === "" ? undefined : fields.sort,
    });
  };

  const nameTaken = (userId: string, name: string, except?: SavedSearchRecord): boolean =>
    store
      .listFor(userId)
      .some((other) => other !== except && other.name.toLowerCase() === name.toLowerCase());

  const own = (request: RouteRequest): SavedSearchRecord => {
    const record = store.find(request.params[0] ?? "", request.claims.sub);
    // Someone else's saved search is as absent as one that never existed.
    if (!record) throw new ApiError(404, "not_found", `Saved search ${request.params[0]} was not found.`);
    return record;
  };

  return [
    {
      method: "GET",
      path: /^\/search\/facets$/,
      handle: (request) => {
        const read = (name: string) => queryParam(request.url, name);
        const assets = found(request, {
          search: read("search"),
          filters: read("filters"),
          containerFilter: read("containerFilter"),
        });
        return {
          status: 200,
          payload: facetsFor(assets, library),
          recordCount: {
            totalRecordsFound: assets.length,
            startingRecord: 1,
            recordsReturned: assets.length,
          },
        };
      },
    },
    {
      method: "GET",
      path: /^\/savedsearches$/,
      handle: (request) => {
        const { page, recordCount } = pageOf(store.listFor(request.claims.sub), pagingFromQuery(request.url));
        return { status: 200, payload: page.map(toSavedSearchDto), recordCount };
      },
    },
    {
      method: "POST",
      path: /^\/savedsearches$/,
      handle: async (request) => {
        const fields = readFields(await readJsonBody(request.req));
        runnable(request, fields);
        if (nameTaken(request.claims.sub, fields.name)) {
          throw new ApiError(409, "conflict", `You already have a saved search named "${fields.name}".`);
        }
        return { status: 201, payload: toSavedSearchDto(store.create(request.claims.sub, fields)) };
      },
    },
    {
      method: "GET",
      path: /^\/savedsearches\/([^/]+)$/,
      handle: (request) => ({ status: 200, payload: toSavedSearchDto(own(request)) }),
    },
    {
      method: "PUT",
      path: /^\/savedsearches\/([^/]+)$/,
      handle: async (request) => {
        const record = own(request);
        const fields = readFields(await readJsonBody(request.req));
        runnable(request, fields);
        if (nameTaken(request.claims.sub, fields.name, record)) {
          throw new ApiError(409, "conflict", `You already have a saved search named "${fields.name}".`);
        }
        return { status: 200, payload: toSavedSearchDto(store.update(record, fields)) };
      },
    },
    {
      // JSON Patch, as MediaValet's other PATCH endpoints: operations it cannot apply are skipped and listed.
      method: "PATCH",
      path: /^\/savedsearches\/([^/]+)$/,
      handle: async (request) => {
        const record = own(request);
        const body = await readJsonBody(request.req, ["application/json-patch+json", "application/json"]);
        if (!Array.isArray(body)) {
          throw new ApiError(
            400,
            "bad_request",
            'The body must be a JSON Patch array, e.g. [{"op":"replace",…}].',
          );
        }
        const errors: ApiErrorEntry[] = [];
        const changes: Partial<Record<Editable, string | boolean>> = {};
        for (const operation of body as unknown[]) {
          const { op, path, value } = (operation ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
          const name = EDITABLE.find(
            (field) => typeof path === "string" && path.toLowerCase() === `/${field.toLowerCase()}`,
          );
          try {
            if (op !== "replace")
              throw new ApiError(400, "invalid_patch_operation", `Only replace is supported.`);
            if (!name)
              throw new ApiError(400, "invalid_patch_operation", `${String(path)} cannot be changed.`);
            changes[name] = checkField(name, value);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            errors.push({ code: "invalid_patch_operation", message: `${String(path)}: ${error.message}` });
          }
        }
        const next = { ...toFields(record), ...changes } as SavedSearchFields;
        runnable(request, next);
        if (nameTaken(request.claims.sub, next.name, record)) {
          throw new ApiError(409, "conflict", `You already have a saved search named "${next.name}".`);
        }
        if (Object.keys(changes).length > 0) store.update(record, changes as Partial<SavedSearchFields>);
        return { status: 200, payload: toSavedSearchDto(record), errors };
      },
    },
    {
      method: "DELETE",
      path: /^\/savedsearches\/([^/]+)$/,
      handle: (request) => {
        store.remove(own(request));
        return { status: 200, payload: null };
      },
    },
  ];
}

function toFields(record: SavedSearchRecord): SavedSearchFields {
  const { name, search, filters, containerFilter, sort, pinned } = record;
  return { name, search, filters, containerFilter, sort, pinned };
}
