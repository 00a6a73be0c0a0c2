import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH } from "../../../../src/pages/LibrarySearch";
import { NO_FILTERS } from "../../../../src/pages/filters/FilterState";
import { hrefOfSavedSearch, toSavedSearchFields } from "../../../../src/pages/filters/savedSearchView";

const CAMPAIGN = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06";

describe("saved search views", () => {
  it("save the search, filters, container and sort, and reopen as the same URL", () => {
    const search = {
      ...EMPTY_SEARCH,
      search: "teaser",
      sort: "title" as const,
      filters: {
        ...NO_FILTERS,
        types: ["Video" as const],
        attributes: { [CAMPAIGN]: ["Buy one ) OR ( get one"] },
      },
    };
    const fields = toSavedSearchFields("  Teasers ", search, {
      kind: "category",
      categoryId: "c1",
      scope: "below",
    });
    expect(fields).toEqual({
      name: "Teasers",
      search: "teaser",
      filters: `(AssetType EQ 'Video') AND (${CAMPAIGN} EQ 'Buy one ) OR ( get one')`,
      containerFilter: "(CategoryIds/ANY(c: c EQ 'c1') OR CategoryAncestorIds/ANY(c: c EQ 'c1'))",
      sort: "title A",
    });
    const href = hrefOfSavedSearch({ ...fields, id: "s1", pinned: false });
    const url = new URL(href ?? "", "https://valet.example");
    expect(url.pathname).toBe("/categories/c1");
    expect(url.searchParams.get("search")).toBe("teaser");
    expect(url.searchParams.get("type")).toBe("video");
    expect(url.searchParams.get("attr")).toBe(`${CAMPAIGN}:Buy one ) OR ( get one`);
    expect(url.searchParams.get("sort")).toBe("title");
    expect(url.searchParams.get("scope")).toBe("below");
  });

  it("open a library search at /assets, and an empty one at /assets itself", () => {
    const fields = toSavedSearchFields("All", EMPTY_SEARCH, { kind: "library" });
    expect(hrefOfSavedSearch({ ...fields, id: "s1", pinned: false })).toBe("/assets");
  });

  it("refuse to pretend: a search saved elsewhere with filters Valet cannot show has no link", () => {
    const other = { id: "s2", name: "Other", search: "", containerFilter: "", sort: "", pinned: false };
    expect(hrefOfSavedSearch({ ...other, filters: "AssetType EQ Image" })).toBeUndefined();
    expect(hrefOfSavedSearch({ ...other, filters: "", sort: "file.sizeInBytes D" })).toBeUndefined();
    expect(
      hrefOfSavedSearch({ ...other, filters: "", containerFilter: "LightboxIds/ANY(l: l EQ 'x')" }),
    ).toBeUndefined();
  });
});
