import { describe, expect, it } from "vitest";
import { NO_FILTERS, type FilterState } from "../../../../src/pages/filters/FilterState";
import { readFilterParams, writeFilterParams } from "../../../../src/pages/filters/filterParams";

const ID = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06";

/** The parameters as the router hands them over: what URLSearchParams holds, lists for repeated names. */
function throughUrl(state: FilterState): Record<string, string | string[]> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(writeFilterParams(state))) {
    for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value])
      query.append(name, item);
  }
  const read: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name);
    read[name] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return read;
}

describe("filter URL parameters", () => {
  it("leave no trace for an empty panel", () => {
    expect(Object.values(writeFilterParams(NO_FILTERS)).every((value) => value === undefined)).toBe(true);
    expect(readFilterParams({})).toEqual(NO_FILTERS);
  });

  it("round-trip every filter through a real query string, values with quotes, colons and ) OR ( included", () => {
    const state: FilterState = {
      types: ["Image", "Video"],
      extensions: ["jpg", "png"],
      statuses: ["0", "5"],
      uploaders: ["demo"],
      minRating: 4,
      uploaded: { from: "2024-01-01", to: "2024-06-30" },
      approved: { to: "2025-01-31" },
      attributes: { [ID]: ["Buy one ) OR ( get one", "O'Neill's picks AND more", "a:b"] },
    };
    expect(readFilterParams(throughUrl(state))).toEqual(state);
  });

  it("writes one URL for one view: lists sorted and without repeats", () => {
    const a = writeFilterParams({ ...NO_FILTERS, types: ["Video", "Image"] });
    const b = writeFilterParams({ ...NO_FILTERS, types: ["Image", "Video", "Image"] });
    expect(a).toEqual(b);
    expect(a.type).toEqual(["image", "video"]);
  });

  it("reads the older single ?type=video link", () => {
    expect(readFilterParams({ type: "video" }).types).toEqual(["Video"]);
  });

  it("drops what a hand-edited link gets wrong instead of sending it", () => {
    expect(
      readFilterParams({
        type: ["spreadsheet", "IMAGE"],
        status: ["1", "9"],
        rating: "7",
        uploadedFrom: "yesterday",
        approvedTo: "2024-13-45",
        attr: ["no-colon", ":value", "bad id) OR (:x", `${ID}:ok`],
        ext: ".JPG",
      }),
    ).toEqual({
      ...NO_FILTERS,
      types: ["Image"],
      statuses: ["9"],
      extensions: ["jpg"],
      attributes: { [ID]: ["ok"] },
    });
  });
});
