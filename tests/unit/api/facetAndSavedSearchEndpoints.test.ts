import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { createApiTransport } from "../../../src/api/createApiTransport";
import { createFacetEndpoints } from "../../../src/api/facetEndpoints";
import { createSavedSearchEndpoints } from "../../../src/api/savedSearchEndpoints";
import { envelope, stubFetch, TEST_API_BASE, testApiOptions } from "../helpers";

const BASE = TEST_API_BASE;

function transport(fetchFn: typeof fetch) {
  return createApiTransport(testApiOptions(fetchFn));
}

const saved = {
  id: "s 1",
  name: "Beach images",
  search: "beach",
  filters: "(AssetType EQ 'Image')",
  containerFilter: "",
  sort: "record.createdAt D",
  pinned: true,
  createdAt: "2026-11-01T10:00:00Z",
};

describe("facet endpoints", () => {
  it("asks GET /search/facets once with the search, filters and container, and reads every facet", async () => {
    const fetchFn = stubFetch(() =>
      envelope([
        { facetName: "assetType", facets: { Image: 3, Video: 0 } },
        { facetName: "imageFileExtension", facets: { JPG: 3, bad: "x" } },
        { facetName: 7, facets: {} },
      ]),
    );
    const facets = await createFacetEndpoints(transport(fetchFn)).getFacets({
      search: "sea",
      filters: "(AssetType EQ 'Image')",
      containerFilter: "",
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const url = new URL(String(fetchFn.mock.calls[0]?.[0]));
    expect(url.pathname).toBe("/search/facets");
    expect(url.searchParams.get("search")).toBe("sea");
    expect(url.searchParams.get("filters")).toBe("(AssetType EQ 'Image')");
    expect(url.searchParams.has("containerFilter")).toBe(false);
    expect(facets).toEqual([
      { facetName: "assetType", facets: { Image: 3, Video: 0 } },
      { facetName: "imageFileExtension", facets: { JPG: 3 } },
    ]);
  });
});

describe("saved search endpoints", () => {
  it("lists every page of GET /savedsearches in MediaValet's order", async () => {
    const fetchFn = stubFetch(() => envelope([saved], { recordCount: { totalRecordsFound: 1 } }));
    const list = await createSavedSearchEndpoints(transport(fetchFn)).listSavedSearches();
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${BASE}/savedsearches?count=50&offset=0`);
    expect(list).toEqual([
      {
        id: "s 1",
        name: "Beach images",
        search: "beach",
        filters: "(AssetType EQ 'Image')",
        containerFilter: "",
        sort: "record.createdAt D",
        pinned: true,
      },
    ]);
  });

  it("creates with POST, renames and pins with JSON Patch, deletes by id as one path segment", async () => {
    const fetchFn = stubFetch((_url, init) =>
      envelope(init.method === "DELETE" ? null : saved, {}, init.method === "POST" ? 201 : 200),
    );
    const api = createSavedSearchEndpoints(transport(fetchFn));
    const fields = {
      name: saved.name,
      search: saved.search,
      filters: saved.filters,
      containerFilter: saved.containerFilter,
      sort: saved.sort,
      pinned: false,
    };
    await api.createSavedSearch(fields);
    await api.updateSavedSearch("s 1", { name: "Shore", pinned: true });
    await api.deleteSavedSearch("s 1");
    const [create, patch, remove] = fetchFn.mock.calls;
    expect(create?.[1]?.method).toBe("POST");
    expect(JSON.parse(String(create?.[1]?.body))).toEqual(fields);
    expect(String(patch?.[0])).toBe(`${BASE}/savedsearches/s%201`);
    expect(new Headers(patch?.[1]?.headers).get("Content-Type")).toBe("application/json-patch+json");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual([
      { op: "replace", path: "/name", value: "Shore" },
      { op: "replace", path: "/pinned", value: true },
    ]);
    expect(remove?.[1]?.method).toBe("DELETE");
  });

  it("turns a duplicate name (409) into an ApiError with that status", async () => {
    const fetchFn = stubFetch(() => envelope(null, { errors: [{ message: "That name is taken." }] }, 409));
    const failure = await createSavedSearchEndpoints(transport(fetchFn))
      .createSavedSearch({ ...saved, pinned: false })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(409);
  });
});
