import { describe, expect, it } from "vitest";
import {
  FilterSyntaxError,
  MAX_DEPTH,
  MAX_LENGTH,
  parseFilter,
  type FilterFields,
  type ScalarField,
} from "../../sandbox/api/filterExpression";

interface Item {
  type: string;
  ext: string;
  note?: string;
  rating: number;
  uploaded: string;
  tags: string[];
}

const FIELDS: Record<string, ScalarField<Item>> = {
  assettype: { kind: "choice", values: ["Image", "Video"], read: (item) => item.type },
  "file extension": { kind: "text", read: (item) => item.ext },
  note: { kind: "text", read: (item) => item.note },
  averagerating: { kind: "number", read: (item) => item.rating },
  dateuploaded: { kind: "date", read: (item) => item.uploaded },
};

const fields: FilterFields<Item> = {
  scalar: (name) => FIELDS[name.toLowerCase()],
  collection: (name) => (name.toLowerCase() === "tags" ? (item) => item.tags : undefined),
};

const ITEMS: Item[] = [
  {
    type: "Image",
    ext: "jpg",
    note: "Buy one ) OR ( get one",
    rating: 4.5,
    uploaded: "2024-01-31T23:59:59.000Z",
    tags: ["a"],
  },
  {
    type: "Image",
    ext: "png",
    note: "it's (a) test",
    rating: 3,
    uploaded: "2024-02-01T00:00:00.000Z",
    tags: [],
  },
  {
    type: "Video",
    ext: "mp4",
    note: "Buy one",
    rating: 0,
    uploaded: "2023-06-15T10:00:00.000Z",
    tags: ["b"],
  },
  { type: "Video", ext: "mov", rating: 2, uploaded: "2024-01-01T00:00:00.000Z", tags: ["a", "b"] },
];

/** The indexes of the items the filter keeps. */
const matching = (filter: string): number[] => {
  const predicate = parseFilter(filter, fields);
  return ITEMS.flatMap((item, index) => (predicate(item) ? [index] : []));
};

const refusal = (filter: string): string => {
  try {
    parseFilter(filter, fields);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error.message;
    throw error;
  }
  throw new Error(`"${filter}" was accepted`);
};

describe("parseFilter", () => {
  it("reads comparisons joined by AND, OR, NOT and parentheses, AND binding tighter than OR", () => {
    expect(matching("")).toEqual([0, 1, 2, 3]);
    expect(matching("(AssetType EQ Image) AND (AverageRating GE 4)")).toEqual([0]);
    expect(matching("AssetType EQ Video OR AssetType EQ Image AND File Extension EQ png")).toEqual([1, 2, 3]);
    expect(matching("(AssetType EQ Video OR AssetType EQ Image) AND File Extension EQ png")).toEqual([1]);
    expect(matching("NOT (AssetType EQ Image)")).toEqual([2, 3]);
    expect(matching("assettype eq IMAGE and averagerating lt 4")).toEqual([1]);
  });

  it("knows the field name with a space, File Extension", () => {
    expect(matching("(File Extension EQ JPG)")).toEqual([0]);
    expect(matching("(File Extension NE jpg) AND (File Extension SW m)")).toEqual([2, 3]);
  });

  it("compares text with CT, SW and EW, ignoring case", () => {
    expect(matching("Note CT 'GET'")).toEqual([0]);
    expect(matching("Note SW buy")).toEqual([0, 2]);
    expect(matching("Note EW test")).toEqual([1]);
  });

  it("treats a missing value as unequal to everything", () => {
    expect(matching("Note NE 'Buy one'")).toEqual([0, 1, 3]);
    expect(matching("Note CT ''")).toEqual([0, 1, 2]);
  });

  it("compares numbers as numbers", () => {
    expect(matching("AverageRating GT 2")).toEqual([0, 1]);
    expect(matching("AverageRating LE 2")).toEqual([2, 3]);
    expect(matching("AverageRating EQ 4.5")).toEqual([0]);
  });

  it("reads a bare date as the whole UTC day, so GE and LE make an inclusive range", () => {
    expect(matching("(DateUploaded GE 2024-01-01) AND (DateUploaded LE 2024-01-31)")).toEqual([0, 3]);
    expect(matching("DateUploaded EQ 2024-01-31")).toEqual([0]);
    expect(matching("DateUploaded GT 2024-01-31")).toEqual([1]);
    expect(matching("DateUploaded LT 2024-01-01")).toEqual([2]);
    expect(matching("DateUploaded GE 2024-01-31T23:59:59Z")).toEqual([0, 1]);
    expect(matching("DateUploaded LT '2024-01-31T23:59:59.000Z'")).toEqual([2, 3]);
  });

  it("matches a collection with Name/ANY(x: x EQ 'v')", () => {
    expect(matching("Tags/ANY(t: t EQ 'b')")).toEqual([2, 3]);
    expect(matching("(Tags/ANY(t: t EQ 'a') OR Tags/ANY(t: t EQ 'b')) AND AssetType EQ Video")).toEqual([
      2, 3,
    ]);
  });

  describe("as an injection target", () => {
    it("keeps a quoted value literal, even with ) OR ( inside", () => {
      expect(matching("(Note EQ 'Buy one ) OR ( get one')")).toEqual([0]);
      // Unquoted, the same text is a different (and here invalid) expression, never a wider match.
      expect(() => matching("(Note EQ Buy one ) OR ( get one)")).toThrow(FilterSyntaxError);
    });

    it("keeps AND, OR, NOT and operators inside quotes literal", () => {
      expect(matching("Note EQ 'Buy one AND AssetType EQ Video'")).toEqual([]);
      expect(matching("Note EQ 'x'' OR AssetType EQ ''Image'")).toEqual([]);
      expect(matching("Note CT ' OR '")).toEqual([0]);
    });

    it("reads a doubled quote as one quote, the OData rule", () => {
      expect(matching("Note EQ 'it''s (a) test'")).toEqual([1]);
      expect(matching("Note CT ''''")).toEqual([1]);
    });

    it("refuses a quote that is never closed, or a lone quote after an escaped one", () => {
      expect(refusal("Note EQ 'it's (a) test'")).toMatch(/no closing quote|Unexpected/);
      expect(refusal("Note EQ 'open")).toMatch(/position 9 has no closing quote/);
    });

    it("refuses double quotes, naming the single-quote rule", () => {
      expect(refusal('Note EQ "Buy one"')).toMatch(/single quotes/);
    });

    it("refuses an unquoted keyword or operator as a value", () => {
      expect(refusal("Note EQ OR")).toMatch(/keyword: quote it/);
      expect(refusal("Note EQ AND AssetType EQ Image")).toMatch(/keyword/);
      expect(refusal("Note EQ EQ")).toMatch(/keyword/);
      expect(matching("Note EQ 'OR'")).toEqual([]);
    });

    it("refuses unbalanced parentheses and dangling joins", () => {
      for (const filter of [
        "(AssetType EQ Image",
        "AssetType EQ Image)",
        "()",
        "AssetType EQ Image AND",
        "OR AssetType EQ Image",
        "AssetType EQ Image AssetType EQ Video",
        "NOT",
      ]) {
        expect(() => parseFilter(filter, fields), filter).toThrow(FilterSyntaxError);
      }
    });

    it("refuses nesting deeper than the limit and text longer than the limit, without overflowing", () => {
      const nested = (depth: number) => `${"(".repeat(depth)}AssetType EQ Image${")".repeat(depth)}`;
      expect(matching(nested(MAX_DEPTH))).toEqual([0, 1]);
      expect(refusal(nested(MAX_DEPTH + 1))).toMatch(/deeper/);
      expect(refusal(nested(100_000))).toMatch(/longer|deeper/);
      expect(refusal(`Note EQ '${"x".repeat(MAX_LENGTH)}'`)).toMatch(/longer than/);
      expect(refusal("NOT ".repeat(1900) + "AssetType EQ Image")).toMatch(/deeper|longer/);
    });
  });

  describe("strictness", () => {
    it("refuses unknown fields and operators with a message that names them", () => {
      expect(refusal("Colour EQ red")).toBe('Unknown filter field "Colour".');
      expect(refusal("AssetType IS Image")).toMatch(/Expected an operator .* after "AssetType IS Image"/);
      expect(refusal("Tags/ANY(t: t NE 'a')")).toMatch(/only EQ/);
      expect(refusal("Nothing/ANY(t: t EQ 'a')")).toMatch(/Unknown collection "Nothing"/);
      expect(refusal("Tags/ANY(t: u EQ 'a')")).toMatch(/Expected "t"/);
    });

    it("refuses an operator the field's kind does not take", () => {
      expect(refusal("AssetType GT Image")).toMatch(/AssetType takes EQ, NE/);
      expect(refusal("AverageRating CT 4")).toMatch(/takes EQ, NE, LT, GT, LE, GE/);
      expect(refusal("Note GE b")).toMatch(/takes EQ, NE, CT, SW, EW/);
    });

    it("refuses values of the wrong shape", () => {
      expect(refusal("AssetType EQ Banana")).toMatch(/one of Image, Video, not "Banana"/);
      expect(refusal("AverageRating GE three")).toMatch(/needs a number/);
      expect(refusal("DateUploaded GE 31/01/2024")).toMatch(/ISO 8601/);
      expect(refusal("DateUploaded GE 2024-02-30")).toMatch(/ISO 8601/);
      expect(refusal("DateUploaded GE yesterday")).toMatch(/ISO 8601/);
    });
  });
});
