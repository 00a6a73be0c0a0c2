import type { AttributeDefinition } from "../api";
import type { BulkItem } from "./runBulk";

/** The metadata of one asset that a spreadsheet can carry. */
export interface MetadataRecord {
  id: string;
  title: string;
  description: string;
  altText: string;
  keywords: readonly string[];
  /** Values by attribute id. */
  attributes: Readonly<Record<string, string>>;
}

/** One field that an imported row changes, for the preview. */
export interface FieldChange {
  /** The column it came from: "title", "keywords", or an attribute's name. */
  column: string;
  from: string;
  to: string;
}

export interface AssetChange {
  id: string;
  title: string;
  fields: FieldChange[];
  /** JSON Patch replace operations for the text fields and attributes. */
  operations: { op: "replace"; path: string; value: string }[];
  addKeywords: string[];
  removeKeywords: string[];
}

/** What a CSV parser found wrong, by zero-based data row (the header is row 0). */
export interface ParseProblem {
  row: number;
  message: string;
}

export type CsvReading = { ok: true; changes: AssetChange[] } | { ok: false; problems: string[] };

const TEXT_COLUMNS = ["title", "description", "altText"] as const;
const KEYWORD_SEPARATOR = "; ";

const splitKeywords = (cell: string) =>
  cell
    .split(";")
    .map((word) => word.trim())
    .filter((word) => word !== "");

/** The rows to write: a header (id, title, description, altText, keywords, then each attribute by name) and one row per asset. */
export function toCsvRows(
  records: readonly MetadataRecord[],
  attributes: readonly AttributeDefinition[],
): string[][] {
  const header = ["id", ...TEXT_COLUMNS, "keywords", ...attributes.map((attribute) => attribute.name)];
  return [
    header,
    ...records.map((record) => [
      record.id,
      record.title,
      record.description,
      record.altText,
      record.keywords.join(KEYWORD_SEPARATOR),
      ...attributes.map((attribute) => record.attributes[attribute.id] ?? ""),
    ]),
  ];
}

/**
 * Reads an edited CSV against the assets' current metadata. Every problem is named by its line (the header is line
 * 1): parser errors such as bad quoting, unknown or repeated columns, rows of the wrong width, ids that are not in
 * the selection, and ids that appear twice. With any problem there are no changes at all, so nothing is sent until
 * the file is fixed. Otherwise the result lists only the fields that differ.
 */
export function readMetadataCsv(
  rows: readonly (readonly string[])[],
  parseProblems: readonly ParseProblem[],
  current: ReadonlyMap<string, MetadataRecord>,
  attributes: readonly AttributeDefinition[],
): CsvReading {
  const problems: string[] = parseProblems.map((problem) => `Line ${problem.row + 1}: ${problem.message}`);
  const [header = [], ...body] = rows;
  const attributeByName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  const known = new Set<string>(["id", ...TEXT_COLUMNS, "keywords"]);
  const seenColumns = new Set<string>();
  header.forEach((column) => {
    if (!known.has(column) && !attributeByName.has(column)) {
      problems.push(
        `Line 1: unknown column "${column}"; columns are id, title, description, altText, keywords and attribute names.`,
      );
    } else if (seenColumns.has(column)) {
      problems.push(`Line 1: the column "${column}" appears twice.`);
    }
    seenColumns.add(column);
  });
  const idColumn = header.indexOf("id");
  if (idColumn < 0) problems.push('Line 1: there is no "id" column.');

  const seenIds = new Map<string, number>();
  const changes: AssetChange[] = [];
  body.forEach((row, index) => {
    const line = index + 2;
    if (row.length === 1 && row[0] === "") return;
    if (row.length !== header.length) {
      problems.push(`Line ${line}: ${row.length} fields where the header has ${header.length}.`);
      return;
    }
    if (idColumn < 0) return;
    const id = (row[idColumn] ?? "").trim();
    const record = current.get(id);
    if (!record) {
      problems.push(`Line ${line}: no selected asset has the id "${id}".`);
      return;
    }
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      problems.push(`Line ${line}: the id "${id}" is already on line ${earlier}.`);
      return;
    }
    seenIds.set(id, line);
    const change: AssetChange = {
      id,
      title: record.title,
      fields: [],
      operations: [],
      addKeywords: [],
      removeKeywords: [],
    };
    header.forEach((column, at) => {
      const cell = row[at] ?? "";
      if (column === "id") return;
      if (column === "keywords") {
        const before = new Set(record.keywords.map((word) => word.toLowerCase()));
        const after = splitKeywords(cell);
        const afterLower = new Set(after.map((word) => word.toLowerCase()));
        change.addKeywords = after.filter((word) => !before.has(word.toLowerCase()));
        change.removeKeywords = record.keywords.filter((word) => !afterLower.has(word.toLowerCase()));
        if (change.addKeywords.length + change.removeKeywords.length > 0) {
          change.fields.push({
            column,
            from: record.keywords.join(KEYWORD_SEPARATOR),
            to: after.join(KEYWORD_SEPARATOR),
          });
        }
        return;
      }
      const attribute = attributeByName.get(column);
      const from = attribute
        ? (record.attributes[attribute.id] ?? "")
        : record[column as (typeof TEXT_COLUMNS)[number]];
      if (cell === from) return;
      change.fields.push({ column, from, to: cell });
      change.operations.push({
        op: "replace",
        path: attribute ? `/attributes/${attribute.id}` : `/${column}`,
        value: cell,
      });
    });
    if (change.fields.length > 0) changes.push(change);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/**
 * The sub-requests that apply `changes`: one PATCH per asset for its text and attributes, one POST for the keywords
 * it gains and one DELETE per keyword it loses. Only changed fields are sent.
 * @param keywordIds the library's keyword ids by lower-case name (a removal names the keyword by id)
 */
export function changeItems(
  changes: readonly AssetChange[],
  keywordIds: ReadonlyMap<string, string>,
): BulkItem[] {
  return changes.flatMap((change) => {
    const path = `/assets/${encodeURIComponent(change.id)}`;
    const base = { assetId: change.id, assetTitle: change.title };
    const items: BulkItem[] = [];
    if (change.operations.length > 0) {
      items.push({
        ...base,
        key: `${change.id}:patch`,
        what: `change ${change.operations.map((operation) => operation.path.slice(1)).join(", ")}`,
        request: {
          method: "PATCH",
          path,
          body: change.operations,
          contentType: "application/json-patch+json",
        },
      });
    }
    if (change.addKeywords.length > 0) {
      items.push({
        ...base,
        key: `${change.id}:kw+`,
        what: `add keywords ${change.addKeywords.join(", ")}`,
        request: { method: "POST", path: `${path}/keywords`, body: change.addKeywords },
      });
    }
    for (const word of change.removeKeywords) {
      const id = keywordIds.get(word.toLowerCase()) ?? word;
      items.push({
        ...base,
        key: `${change.id}:kw-${id}`,
        what: `remove keyword ${word}`,
        request: { method: "DELETE", path: `${path}/keywords/${encodeURIComponent(id)}` },
      });
    }
    return items;
  });
}
