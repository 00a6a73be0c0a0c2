import { describe, expect, it } from "vitest";
import {
  readLibrarySearch,
  sameLibrarySearch,
  toAssetSearch,
  writeLibrarySearch,
  type LibrarySearch,
} from "../../../src/pages/LibrarySearch";
import { NO_FILTERS } from "../../../src/pages/filters/FilterState";

const defaults: LibrarySearch = { search: "", filters: NO_FILTERS, sort: "newest", offset: 0 };

describe("LibrarySearch", () => {
  describe("readLibrarySearch", () => {
    it("reads an empty URL as the default search", () => {
      expect(readLibrarySearch({})).toEqual(defaults);
    });

    it("reads every parameter", () => {
      expect(readLibrarySearch({ search: " beach ", type: "video", sort: "title", offset: "48" })).toEqual({
        search: "beach",
        filters: { ...NO_FILTERS, types: ["Video"] },
        sort: "title",
        offset: 48,
      });
    });

    it("falls back to defaults for hand-edited values it cannot use", () => {
      expect(readLibrarySearch({ type: "spreadsheet", sort: "random", offset: "-5" })).toEqual(defaults);
      expect(readLibrarySearch({ offset: "1e3" }).offset).toBe(1000);
      expect(readLibrarySearch({ offset: "4.5" }).offset).toBe(0);
      expect(readLibrarySearch({ offset: "abc" }).offset).toBe(0);
    });

    it("ignores case in type and sort, and takes the first of repeated parameters", () => {
      expect(readLibrarySearch({ type: "Image", sort: "OLDEST", search: ["a", "b"] })).toMatchObject({
        filters: { ...NO_FILTERS, types: ["Image"] },
        sort: "oldest",
        search: "a",
      });
    });
  });

  describe("writeLibrarySearch", () => {
    it("leaves every default out of the URL", () => {
      expect(writeLibrarySearch(defaults)).toEqual({
        search: undefined,
        sort: undefined,
        offset: undefined,
        type: undefined,
        ext: undefined,
        status: undefined,
        by: undefined,
        rating: undefined,
        uploadedFrom: undefined,
        uploadedTo: undefined,
        approvedFrom: undefined,
        approvedTo: undefined,
        attr: undefined,
      });
    });

    it("round-trips through readLibrarySearch", () => {
      const search: LibrarySearch = {
        search: "red car",
        filters: { ...NO_FILTERS, types: ["Document"] },
        sort: "oldest",
        offset: 96,
      };
      const written = writeLibrarySearch(search);
      expect(written).toMatchObject({ search: "red car", type: ["document"], sort: "oldest", offset: "96" });
      const asParams = Object.fromEntries(Object.entries(written).filter(([, value]) => value !== undefined));
      expect(readLibrarySearch(asParams)).toEqual(search);
    });
  });

  describe("toAssetSearch", () => {
    it("maps the sort names to MediaValet's sort expressions", () => {
      expect(toAssetSearch({ ...defaults, sort: "newest" }, 48).sort).toBe("record.createdAt D");
      expect(toAssetSearch({ ...defaults, sort: "oldest" }, 48).sort).toBe("record.createdAt A");
      expect(toAssetSearch({ ...defaults, sort: "title" }, 48).sort).toBe("title A");
    });

    it("turns the filters into one MediaValet filters expression", () => {
      expect(toAssetSearch({ ...defaults, filters: { ...NO_FILTERS, types: ["Image"] } }, 48).filters).toBe(
        "(AssetType EQ 'Image')",
      );
      expect(toAssetSearch(defaults, 48).filters).toBeUndefined();
    });

    it("passes the search, page size and offset", () => {
      expect(toAssetSearch({ ...defaults, search: "boat", offset: 48 }, 48)).toMatchObject({
        search: "boat",
        count: 48,
        offset: 48,
      });
      expect(toAssetSearch(defaults, 48).search).toBeUndefined();
    });

    it("searches within a container filter when one is given", () => {
      expect(toAssetSearch(defaults, 48, "CategoryIds/ANY(c: c EQ 'c1')").containerFilter).toBe(
        "CategoryIds/ANY(c: c EQ 'c1')",
      );
    });
  });

  it("compares searches by value", () => {
    expect(sameLibrarySearch(defaults, { ...defaults })).toBe(true);
    expect(sameLibrarySearch(defaults, { ...defaults, offset: 48 })).toBe(false);
  });
});
