import { describe, expect, it } from "vitest";
import type { AttributeDefinition } from "../../../src/api";
import { changeItems, readMetadataCsv, toCsvRows, type MetadataRecord } from "../../../src/pages/metadataCsv";

const attributes: AttributeDefinition[] = [{ id: "att-1", name: "Photographer", attributeType: "Text" }];
const records: MetadataRecord[] = [
  {
    id: "a1",
    title: "Beach",
    description: "Sand",
    altText: "",
    keywords: ["sea", "sun"],
    attributes: { "att-1": "Ana" },
  },
  { id: "a2", title: "City", description: "", altText: "Lights", keywords: [], attributes: {} },
];
const current = new Map(records.map((record) => [record.id, record]));
const exported = () => toCsvRows(records, attributes).map((row) => [...row]);

describe("toCsvRows", () => {
  it("writes a header and one row per asset, keywords joined and attributes by name", () => {
    expect(toCsvRows(records, attributes)).toEqual([
      ["id", "title", "description", "altText", "keywords", "Photographer"],
      ["a1", "Beach", "Sand", "", "sea; sun", "Ana"],
      ["a2", "City", "", "Lights", "", ""],
    ]);
  });
});

describe("readMetadataCsv", () => {
  it("finds no change in the file as exported", () => {
    expect(readMetadataCsv(exported(), [], current, attributes)).toEqual({ ok: true, changes: [] });
  });

  it("lists only the fields that differ, as patch operations and keyword additions and removals", () => {
    const rows = exported();
    rows[1]![1] = "Beach at dawn";
    rows[1]![4] = "sea; dawn";
    rows[2]![5] = "Bo";
    const reading = readMetadataCsv(rows, [], current, attributes);

    expect(reading).toEqual({
      ok: true,
      changes: [
        {
          id: "a1",
          title: "Beach",
          fields: [
            { column: "title", from: "Beach", to: "Beach at dawn" },
            { column: "keywords", from: "sea; sun", to: "sea; dawn" },
          ],
          operations: [{ op: "replace", path: "/title", value: "Beach at dawn" }],
          addKeywords: ["dawn"],
          removeKeywords: ["sun"],
        },
        {
          id: "a2",
          title: "City",
          fields: [{ column: "Photographer", from: "", to: "Bo" }],
          operations: [{ op: "replace", path: "/attributes/att-1", value: "Bo" }],
          addKeywords: [],
          removeKeywords: [],
        },
      ],
    });
  });

  it("names every problem by line and gives no changes: quoting, unknown column, unknown and repeated ids, width", () => {
    const rows = [
      ["id", "title", "Colour"],
      ["a1", "Changed", "x"],
      ["zz", "Nope", "x"],
      ["a1", "Again", "x"],
      ["a2", "Short"],
    ];
    const reading = readMetadataCsv(
      rows,
      [{ row: 2, message: "a quoted field is not closed" }],
      current,
      attributes,
    );

    expect(reading).toEqual({
      ok: false,
      problems: [
        "Line 3: a quoted field is not closed",
        'Line 1: unknown column "Colour"; columns are id, title, description, altText, keywords and attribute names.',
        'Line 3: no selected asset has the id "zz".',
        'Line 4: the id "a1" is already on line 2.',
        "Line 5: 2 fields where the header has 3.",
      ],
    });
  });

  it("refuses a file without an id column", () => {
    const reading = readMetadataCsv([["title"], ["x"]], [], current, attributes);
    expect(reading).toEqual({ ok: false, problems: ['Line 1: there is no "id" column.'] });
  });
});

describe("changeItems", () => {
  it("sends one PATCH per asset, one POST for added keywords and a DELETE by id per removed one", () => {
    const rows = exported();
    rows[1]![2] = "Wet sand";
    rows[1]![4] = "sea; dawn";
    const reading = readMetadataCsv(rows, [], current, attributes);
    if (!reading.ok) throw new Error(reading.problems.join("\n"));

    const items = changeItems(reading.changes, new Map([["sun", "kw-sun"]]));
    expect(items.map((item) => [item.request.method, item.request.path, item.request.body])).toEqual([
      ["PATCH", "/assets/a1", [{ op: "replace", path: "/description", value: "Wet sand" }]],
      ["POST", "/assets/a1/keywords", ["dawn"]],
      ["DELETE", "/assets/a1/keywords/kw-sun", undefined],
    ]);
  });
});
