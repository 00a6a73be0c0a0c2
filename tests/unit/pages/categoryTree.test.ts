import { describe, expect, it } from "vitest";
import type { Category } from "../../../src/api";
import { ancestorsOf, buildCategoryTree, categoryTrail, displayPath } from "../../../src/pages/categoryTree";

function category(id: string, name: string, parentId: string | null, path: string): Category {
  return { id, name, parentId, tree: { path } };
}

const root = category("r", "Root", null, "Root");
const marketing = category("m", "Marketing", "r", "Root\\Marketing");
const campaigns = category("c", "Campaigns", "m", "Root\\Marketing\\Campaigns");
const spring = category("s", "Spring 2026", "c", "Root\\Marketing\\Campaigns\\Spring 2026");
const archive = category("a", "archive", "r", "Root\\archive");
const all = [spring, archive, campaigns, root, marketing];

describe("buildCategoryTree", () => {
  it("nests the flat list under its parents, sorted by name regardless of case", () => {
    const tree = buildCategoryTree(all);
    expect(tree.map((node) => node.category.id)).toEqual(["r"]);
    expect(tree[0]?.children.map((node) => node.category.name)).toEqual(["archive", "Marketing"]);
    expect(tree[0]?.children[1]?.children[0]?.children[0]?.category.id).toBe("s");
  });

  it("makes a category whose parent is missing a root, so nothing disappears", () => {
    const tree = buildCategoryTree([campaigns, spring]);
    expect(tree.map((node) => node.category.id)).toEqual(["c"]);
    expect(tree[0]?.children.map((node) => node.category.id)).toEqual(["s"]);
  });
});

describe("ancestorsOf", () => {
  it("lists the chain from the root to the category", () => {
    expect(ancestorsOf("s", all).map((entry) => entry.id)).toEqual(["r", "m", "c", "s"]);
  });

  it("stops at a cycle instead of looping forever", () => {
    const loop = [category("x", "X", "y", "X"), category("y", "Y", "x", "Y")];
    expect(ancestorsOf("x", loop).map((entry) => entry.id)).toEqual(["y", "x"]);
  });
});

describe("categoryTrail", () => {
  it("names the steps from the backslash path and links them through the ancestors", () => {
    expect(categoryTrail(spring, all)).toEqual([
      { name: "Root", id: "r" },
      { name: "Marketing", id: "m" },
      { name: "Campaigns", id: "c" },
      { name: "Spring 2026", id: "s" },
    ]);
  });

  it("leaves steps unlinked when the list does not hold their categories", () => {
    expect(categoryTrail(spring, [spring])).toEqual([
      { name: "Root" },
      { name: "Marketing" },
      { name: "Campaigns" },
      { name: "Spring 2026", id: "s" },
    ]);
  });

  it("keeps a forward slash inside a name", () => {
    const q = category("q", "Q1/Q2", "r", "Root\\Q1/Q2");
    expect(categoryTrail(q, [root, q]).map((crumb) => crumb.name)).toEqual(["Root", "Q1/Q2"]);
  });

  it("falls back to the ancestors when there is no path", () => {
    expect(categoryTrail({ ...marketing, tree: { path: "" } }, all)).toEqual([
      { name: "Root", id: "r" },
      { name: "Marketing", id: "m" },
    ]);
  });
});

describe("displayPath", () => {
  it("shows a MediaValet path for reading", () => {
    expect(displayPath("Root\\Marketing\\Campaigns")).toBe("Root › Marketing › Campaigns");
    expect(displayPath(undefined)).toBe("");
  });
});
