import { describe, expect, it } from "vitest";
import { parseFilter, type FilterFields } from "../../../../sandbox/api/filterExpression";
import { buildFilters, quoteValue } from "../../../../src/pages/filters/buildFilters";
import { containerFilterFor, readContainerFilter } from "../../../../src/pages/filters/CategoryScope";
import { NO_FILTERS, type FilterState } from "../../../../src/pages/filters/FilterState";
import { readFilters } from "../../../../src/pages/filters/readFilters";

const CAMPAIGN = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06";

/** What a filter can see of an asset, for evaluating expressions with the sandbox's own strict parser. */
interface Item {
  type: string;
  ext: string;
  by: string;
  campaign?: string;
  uploaded: string;
}

const fields: FilterFields<Item> = {
  scalar(name) {
    switch (name.toLowerCase()) {
      case "assettype":
        return {
          kind: "choice",
          values: ["Image", "Video", "Audio", "Document", "Other"],
          read: (item) => item.type,
        };
      case "file extension":
        return { kind: "text", read: (item) => item.ext };
      case "createdby":
        return { kind: "text", read: (item) => item.by };
      case "dateuploaded":
        return { kind: "date", read: (item) => item.uploaded };
      case CAMPAIGN:
        return { kind: "text", read: (item) => item.campaign };
      default:
        return undefined;
    }
  },
  collection: () => undefined,
};

const item = (overrides: Partial<Item>): Item => ({
  type: "Image",
  ext: "jpg",
  by: "demo",
  uploaded: "2024-03-10T12:00:00Z",
  ...overrides,
});

const HOSTILE = [
  "Buy one ) OR ( get one",
  "O'Neill's picks AND more",
  'Summer "Sun" sale',
  "') OR (AssetType NE '",
  "x' OR 'a' EQ 'a",
  "'' OR ''",
  "AND",
  "OR",
  ")",
  "(",
  "\\'",
];

describe("quoteValue", () => {
  it("wraps a value in single quotes and doubles every quote inside", () => {
    expect(quoteValue("plain")).toBe("'plain'");
    expect(quoteValue("O'Neill's picks AND more")).toBe("'O''Neill''s picks AND more'");
    expect(quoteValue("Buy one ) OR ( get one")).toBe("'Buy one ) OR ( get one'");
    expect(quoteValue("') OR (AssetType NE '")).toBe("''') OR (AssetType NE '''");
    expect(quoteValue("")).toBe("''");
  });
});

describe("buildFilters", () => {
  it("is undefined when nothing is filtered", () => {
    expect(buildFilters(NO_FILTERS)).toBeUndefined();
  });

  it("joins a field's values with OR in parentheses and fields with AND", () => {
    const state: FilterState = {
      ...NO_FILTERS,
      types: ["Image", "Video"],
      extensions: ["jpg"],
      statuses: ["0"],
      uploaders: ["demo"],
      minRating: 3,
      uploaded: { from: "2024-01-01", to: "2024-01-31" },
      approved: { from: "2025-06-01" },
      attributes: { [CAMPAIGN]: ['Summer "Sun" sale'] },
    };
    expect(buildFilters(state)).toBe(
      "(AssetType EQ 'Image' OR AssetType EQ 'Video') AND (File Extension EQ 'jpg') AND (Status EQ '0') AND " +
        "(CreatedBy EQ 'demo') AND (AverageRating GE '3') AND " +
        "(DateUploaded GE '2024-01-01' AND DateUploaded LE '2024-01-31') AND (DateApproved GE '2025-06-01') AND " +
        `(${CAMPAIGN} EQ 'Summer "Sun" sale')`,
    );
  });

  it("leaves out a date that is not a plain day and an attribute id that could be syntax", () => {
    expect(buildFilters({ ...NO_FILTERS, uploaded: { from: "2024-01-01') OR ('" } })).toBeUndefined();
    expect(buildFilters({ ...NO_FILTERS, attributes: { "x) OR (AssetType": ["a"] } })).toBeUndefined();
  });

  describe("no value can change the expression's meaning (checked with the sandbox's strict parser)", () => {
    for (const hostile of HOSTILE) {
      it(`matches ${JSON.stringify(hostile)} literally, in an attribute and in a text field`, () => {
        const byAttribute = parseFilter(
          buildFilters({ ...NO_FILTERS, types: ["Video"], attributes: { [CAMPAIGN]: [hostile] } }) ?? "",
          fields,
        );
        expect(byAttribute(item({ type: "Video", campaign: hostile }))).toBe(true);
        // The AND with the type must still hold, whatever the value says.
        expect(byAttribute(item({ type: "Image", campaign: hostile }))).toBe(false);
        expect(byAttribute(item({ type: "Video", campaign: "something else" }))).toBe(false);
        expect(byAttribute(item({ type: "Video" }))).toBe(false);

        const byUploader = parseFilter(
          buildFilters({ ...NO_FILTERS, types: ["Video"], uploaders: [hostile] }) ?? "",
          fields,
        );
        expect(byUploader(item({ type: "Video", by: hostile }))).toBe(true);
        expect(byUploader(item({ type: "Image", by: hostile }))).toBe(false);
        expect(byUploader(item({ type: "Video", by: "demo" }))).toBe(false);
      });
    }
  });

  it("reads back, through readFilters, as the state it was built from, hostile values included", () => {
    const state: FilterState = {
      ...NO_FILTERS,
      types: ["Audio", "Other"],
      extensions: ["mp3"],
      uploaders: [...HOSTILE].sort(),
      minRating: 2,
      uploaded: { to: "2023-12-31" },
      attributes: { [CAMPAIGN]: [...HOSTILE].sort() },
    };
    expect(readFilters(buildFilters(state) ?? "")).toEqual(state);
  });

  it("gives undefined for an expression Valet did not write", () => {
    expect(readFilters("AssetType EQ Image")).toBeUndefined();
    expect(readFilters("(AssetType EQ 'Image' OR File Extension EQ 'jpg')")).toBeUndefined();
    expect(readFilters("(AssetType EQ 'Image'")).toBeUndefined();
    expect(readFilters("(AverageRating LT '3')")).toBeUndefined();
    expect(readFilters("(DateUploaded GE '2024-01-01' OR DateUploaded LE '2023-01-01')")).toBeUndefined();
    expect(readFilters("")).toEqual(NO_FILTERS);
  });
});

describe("containerFilterFor", () => {
  it("names the category alone, or the category joined with OR to everything below it", () => {
    expect(containerFilterFor("c1", "only")).toBe("CategoryIds/ANY(c: c EQ 'c1')");
    expect(containerFilterFor("c1", "below")).toBe(
      "(CategoryIds/ANY(c: c EQ 'c1') OR CategoryAncestorIds/ANY(c: c EQ 'c1'))",
    );
    expect(containerFilterFor("it's", "only")).toBe("CategoryIds/ANY(c: c EQ 'it''s')");
  });

  it("reads back what it wrote, and nothing else", () => {
    for (const scope of ["only", "below"] as const) {
      expect(readContainerFilter(containerFilterFor("it's ) OR (", scope))).toEqual({
        categoryId: "it's ) OR (",
        scope,
      });
    }
    expect(readContainerFilter("LightboxIds/ANY(l: l EQ 'x')")).toBeUndefined();
  });
});
