import { describe, expect, it } from "vitest";
import { buildBulkItems } from "../../../src/pages/buildBulkItems";

const assets = [
  { id: "a/1", title: "Beach" },
  { id: "a2", title: "City" },
];
const requests = (items: ReturnType<typeof buildBulkItems>) =>
  items.map((item) => [item.request.method, item.request.path, item.request.body]);

describe("buildBulkItems", () => {
  it("adds keywords with one POST per asset, its id encoded in the path", () => {
    expect(requests(buildBulkItems({ kind: "addKeywords", keywords: ["sea", "sun"] }, assets))).toEqual([
      ["POST", "/assets/a%2F1/keywords", ["sea", "sun"]],
      ["POST", "/assets/a2/keywords", ["sea", "sun"]],
    ]);
  });

  it("removes keywords by id, one DELETE per asset and keyword", () => {
    const items = buildBulkItems({ kind: "removeKeywords", keywords: [{ id: "k1", name: "sea" }] }, assets);
    expect(requests(items)).toEqual([
      ["DELETE", "/assets/a%2F1/keywords/k1", undefined],
      ["DELETE", "/assets/a2/keywords/k1", undefined],
    ]);
    expect(items[0]?.what).toBe("remove keyword “sea”");
  });

  it("files in and takes out of a category", () => {
    const category = { categoryId: "c1", categoryName: "Root\\Marketing" };
    expect(requests(buildBulkItems({ kind: "addToCategory", ...category }, assets.slice(1)))).toEqual([
      ["POST", "/assets/a2/categories", ["c1"]],
    ]);
    expect(requests(buildBulkItems({ kind: "removeFromCategory", ...category }, assets.slice(1)))).toEqual([
      ["DELETE", "/assets/a2/categories/c1", undefined],
    ]);
  });

  it("sets an attribute with a JSON Patch replace", () => {
    const [item] = buildBulkItems(
      { kind: "setAttribute", attributeId: "att-1", attributeName: "Photographer", value: "Ana" },
      assets.slice(1),
    );
    expect(item?.request).toEqual({
      method: "PATCH",
      path: "/assets/a2",
      body: [{ op: "replace", path: "/attributes/att-1", value: "Ana" }],
      contentType: "application/json-patch+json",
    });
  });

  it("gives every item a key unique within the run, so a retry lines up with the report", () => {
    const items = buildBulkItems(
      {
        kind: "removeKeywords",
        keywords: [
          { id: "k1", name: "sea" },
          { id: "k2", name: "sun" },
        ],
      },
      assets,
    );
    expect(new Set(items.map((item) => item.key)).size).toBe(4);
  });
});
