import type { ApiTransport } from "./createApiTransport";
import { isRecord } from "./isRecord";
import { readList } from "./readList";

/** One facet of `GET /search/facets`: a field's values and how many assets of the search have each. */
export interface Facet {
  facetName: string;
  facets: Record<string, number>;
}

/** What a facet count is for: the same search, filters and container as the page of assets. */
export interface FacetQuery {
  search?: string;
  filters?: string;
  containerFilter?: string;
}

/** Facet counts for a search. */
export interface FacetEndpoints {
  /**
   * `GET /search/facets?search=&filters=&containerFilter=`: every facet for the search, in one request. MediaValet
   * documents the path and the answer (research §2.4) but no parameters; the search's own are sent.
   */
  getFacets(query: FacetQuery, signal?: AbortSignal): Promise<Facet[]>;
}

export function createFacetEndpoints(transport: ApiTransport): FacetEndpoints {
  return {
    async getFacets(query, signal) {
      const envelope = await transport.request<unknown>("/search/facets", {
        query: { search: query.search, filters: query.filters, containerFilter: query.containerFilter },
        signal,
        action: "search the library",
      });
      return readList<Record<string, unknown>>(envelope.payload, "the facet counts").flatMap((entry) => {
        const name = entry["facetName"];
        const counts = entry["facets"];
        if (typeof name !== "string" || !isRecord(counts)) return [];
        const facets: Record<string, number> = {};
        for (const [value, count] of Object.entries(counts)) {
          if (typeof count === "number" && Number.isFinite(count)) facets[value] = count;
        }
        return [{ facetName: name, facets }];
      });
    },
  };
}
