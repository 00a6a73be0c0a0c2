import { describe, expect, it } from "vitest";
import {
  readLibrarySearch,
  sameLibrarySearch,
  toAssetSearch,
  writeLibrarySearch,
  type LibrarySearch,
} from "../../../src/pages/LibrarySearch";

const defaults: LibrarySearch = { search: "", type: undefined, sort: "newest", offset: 0 };

describe("LibrarySearch", () => {
  describe("readLibrarySearch", () => {
    it("reads an empty URL as the default search", () => {
      expect(readLibrarySearch({})).toEqual(defaults);
    });

    it("reads every parameter", () => {
      expect(readLibrarySearch({ search: " beach ", type: "video", sort: "title", offset: "48" })).toEqual({
        search: "beach",
        type: "video",
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
        type: "image",
        sort: "oldest",
        search: "a",
      });
    });
  });

  describe("writeLibrarySearch", () => {
    it("leaves every default out of the URL", () => {
      expect(writeLibrarySearch(defaults)).toEqual({
        search: undefined,
        type: undefined,
        sort: undefined,
        offset: undefined,
      });
    });

    it("round-trips through readLibrarySearch", () => {
      const search: LibrarySearch = { search: "red car", type: "document", sort: "oldest", offset: 96 };
      const written = writeLibrarySearch(search);
      expect(written).toEqual({ search: "red car", type: "document", sort: "oldest", offset: "96" });
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

    it("turns the type into MediaValet's AssetType filter", () => {
      expect(toAssetSearch({ ...defaults, type: "image" }, 48).filters).toBe("(AssetType EQ Image)");
      expect(toAssetSearch({ ...defaults, type: "document" }, 48).filters).toBe("(AssetType EQ Document)");
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
  });

  it("compares searches by value", () => {
    expect(sameLibrarySearch(defaults, { ...defaults })).toBe(true);
    expect(sameLibrarySearch(defaults, { ...defaults, offset: 48 })).toBe(false);
  });
});
