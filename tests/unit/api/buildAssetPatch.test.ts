import { describe, expect, it } from "vitest";
import { buildAssetPatch } from "../../../src/api/buildAssetPatch";

const before = { title: "Harbour", description: "Boats at dawn", altText: "" };

describe("buildAssetPatch", () => {
  it("replaces only the fields that changed", () => {
    expect(
      buildAssetPatch(before, { title: "Harbour at dawn", description: "Boats at dawn", altText: "" }),
    ).toEqual([{ op: "replace", path: "/title", value: "Harbour at dawn" }]);
  });

  it("replaces every changed field, in a stable order", () => {
    expect(buildAssetPatch(before, { altText: "Fishing boats", title: "Port" })).toEqual([
      { op: "replace", path: "/title", value: "Port" },
      { op: "replace", path: "/altText", value: "Fishing boats" },
    ]);
  });

  it("clears a field with an empty string rather than removing it", () => {
    expect(buildAssetPatch(before, { description: "" })).toEqual([
      { op: "replace", path: "/description", value: "" },
    ]);
  });

  it("is empty when nothing changed", () => {
    expect(buildAssetPatch(before, { ...before })).toEqual([]);
    expect(buildAssetPatch(before, {})).toEqual([]);
  });
});
