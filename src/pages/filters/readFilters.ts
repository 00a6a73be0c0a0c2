import { isAttributeId } from "./buildFilters";
import {
  ASSET_TYPE_NAMES,
  NO_FILTERS,
  normalList,
  STATUS_CODES,
  type AssetTypeName,
  type FilterState,
  type StatusCode,
} from "./FilterState";

type Token = { kind: "(" | ")" } | { kind: "word"; text: string } | { kind: "value"; text: string };

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? "";
    if (char === " ") at++;
    else if (char === "(" || char === ")") {
      tokens.push({ kind: char });
      at++;
    } else if (char === "'") {
      let text = "";
      at++;
      for (;;) {
        if (at >= source.length) return undefined;
        if (source[at] === "'") {
          if (source[at + 1] !== "'") break;
          text += "'";
          at += 2;
        } else text += source[at++];
      }
      at++;
      tokens.push({ kind: "value", text });
    } else {
      const word = /^[^\s()']+/.exec(source.slice(at))?.[0] ?? "";
      tokens.push({ kind: "word", text: word });
      at += word.length;
    }
  }
  return tokens;
}

interface Comparison {
  field: string;
  operator: string;
  value: string;
}

/**
 * Reads back a `filters` expression that buildFilters wrote — `(comparison OR|AND comparison …) AND (…)` with quoted
 * values — into the panel's state, so a saved search reopens as the view it was saved from. Anything of another
 * shape (written elsewhere) gives undefined: Valet shows no state it cannot show faithfully.
 */
export function readFilters(source: string): FilterState | undefined {
  if (source.trim() === "") return NO_FILTERS;
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  let position = 0;
  const groups: { joiner: string | undefined; comparisons: Comparison[] }[] = [];
  while (position < tokens.length) {
    if (groups.length > 0) {
      const and = tokens[position++];
      if (and?.kind !== "word" || and.text !== "AND") return undefined;
    }
    if (tokens[position++]?.kind !== "(") return undefined;
    const group: { joiner: string | undefined; comparisons: Comparison[] } = {
      joiner: undefined,
      comparisons: [],
    };
    for (;;) {
      const words: string[] = [];
      let token = tokens[position++];
      while (token?.kind === "word" && !/^(EQ|GE|LE)$/.test(token.text)) {
        words.push(token.text);
        token = tokens[position++];
      }
      const value = tokens[position++];
      if (token?.kind !== "word" || value?.kind !== "value" || words.length === 0) return undefined;
      group.comparisons.push({ field: words.join(" "), operator: token.text, value: value.text });
      const next = tokens[position++];
      if (next?.kind === ")") break;
      if (next?.kind !== "word" || (next.text !== "OR" && next.text !== "AND")) return undefined;
      if (group.joiner !== undefined && group.joiner !== next.text) return undefined;
      group.joiner = next.text;
    }
    groups.push(group);
  }
  return groups.reduce<FilterState | undefined>(
    (state, group) => state && applyGroup(state, group),
    NO_FILTERS,
  );
}

function applyGroup(
  state: FilterState,
  group: { joiner: string | undefined; comparisons: Comparison[] },
): FilterState | undefined {
  const [first] = group.comparisons;
  if (!first) return undefined;
  const field = first.field;
  if (group.comparisons.some((comparison) => comparison.field !== field)) return undefined;
  const values = group.comparisons.map((comparison) => comparison.value);
  const equalities = group.joiner !== "AND" && group.comparisons.every((c) => c.operator === "EQ");
  switch (field) {
    case "AssetType": {
      const types = values.map((value) => ASSET_TYPE_NAMES.find((name) => name === value));
      if (!equalities || types.includes(undefined)) return undefined;
      return { ...state, types: normalList(types as AssetTypeName[]) };
    }
    case "File Extension":
      return equalities ? { ...state, extensions: normalList(values) } : undefined;
    case "Status":
      if (!equalities || !values.every((value) => (STATUS_CODES as readonly string[]).includes(value)))
        return undefined;
      return { ...state, statuses: normalList(values as StatusCode[]) };
    case "CreatedBy":
      return equalities ? { ...state, uploaders: normalList(values) } : undefined;
    case "AverageRating": {
      const rating = Number(first.value);
      if (group.comparisons.length !== 1 || first.operator !== "GE" || !Number.isInteger(rating))
        return undefined;
      return { ...state, minRating: rating };
    }
    case "DateUploaded":
    case "DateApproved": {
      if (group.joiner === "OR") return undefined;
      const range: { from?: string; to?: string } = {};
      for (const comparison of group.comparisons) {
        if (comparison.operator === "GE") range.from = comparison.value;
        else if (comparison.operator === "LE") range.to = comparison.value;
        else return undefined;
      }
      return field === "DateUploaded" ? { ...state, uploaded: range } : { ...state, approved: range };
    }
    default:
      if (!equalities || !isAttributeId(field)) return undefined;
      return { ...state, attributes: { ...state.attributes, [field]: normalList(values) } };
  }
}
