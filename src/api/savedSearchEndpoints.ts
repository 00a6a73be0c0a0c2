import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { readRecord } from "./readRecord";
import { readWholeList } from "./readWholeList";

/** What a saved search keeps: the query of `POST /assets/search`, named. */
export interface SavedSearchFields {
  name: string;
  search: string;
  filters: string;
  containerFilter: string;
  sort: string;
  pinned: boolean;
}

/** One of the caller's saved searches (`/savedsearches`). */
export interface SavedSearch extends SavedSearchFields {
  id: string;
}

/** The caller's saved searches. */
export interface SavedSearchEndpoints {
  /** `GET /savedsearches`, every page; MediaValet lists pinned ones first. */
  listSavedSearches(signal?: AbortSignal): Promise<SavedSearch[]>;
  /** `POST /savedsearches` → 201; a name already used is a 409 (ApiError with status 409). */
  createSavedSearch(fields: SavedSearchFields, signal?: AbortSignal): Promise<SavedSearch>;
  /** `PATCH /savedsearches/{id}` with JSON Patch `replace` operations on the given fields. */
  updateSavedSearch(
    id: string,
    changes: Partial<Pick<SavedSearchFields, "name" | "pinned">>,
    signal?: AbortSignal,
  ): Promise<SavedSearch>;
  /** `DELETE /savedsearches/{id}`. */
  deleteSavedSearch(id: string, signal?: AbortSignal): Promise<void>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function toSavedSearch(record: Record<string, unknown>): SavedSearch {
  return {
    id: text(record["id"]),
    name: text(record["name"]),
    search: text(record["search"]),
    filters: text(record["filters"]),
    containerFilter: text(record["containerFilter"]),
    sort: text(record["sort"]),
    pinned: record["pinned"] === true,
  };
}

const pathOf = (id: string) => `/savedsearches/${encodePathSegment(id)}`;

export function createSavedSearchEndpoints(transport: ApiTransport): SavedSearchEndpoints {
  const { request } = transport;
  return {
    async listSavedSearches(signal) {
      const list = await readWholeList<Record<string, unknown>>(
        transport,
        "/savedsearches",
        "the list of saved searches",
        "see your saved searches",
        signal,
      );
      return list.map(toSavedSearch);
    },

    async createSavedSearch(fields, signal) {
      const envelope = await request<unknown>("/savedsearches", {
        method: "POST",
        body: fields,
        signal,
        action: "save searches",
      });
      return toSavedSearch(readRecord(envelope.payload, "the saved search"));
    },

    async updateSavedSearch(id, changes, signal) {
      const operations = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([field, value]) => ({ op: "replace", path: `/${field}`, value }));
      const envelope = await request<unknown>(pathOf(id), {
        method: "PATCH",
        body: operations,
        contentType: "application/json-patch+json",
        signal,
        action: "change this saved search",
      });
      return toSavedSearch(readRecord(envelope.payload, "the saved search"));
    },

    async deleteSavedSearch(id, signal) {
      await request<unknown>(pathOf(id), { method: "DELETE", signal, action: "delete this saved search" });
    },
  };
}
