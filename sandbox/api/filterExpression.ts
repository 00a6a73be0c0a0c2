/**
 * MediaValet's filter language, as its `filters` and `containerFilter` parameters use it (research §2.4):
 *
 *   (AssetType EQ Image) AND (AverageRating GE 3)
 *   (AssetType EQ Image OR AssetType EQ Video) AND (File Extension EQ png)
 *   (Title CT 'it''s (a) test') AND (DateUploaded GE 2024-01-01) AND (DateUploaded LE 2024-01-31)
 *   (CategoryIds/ANY(c: c EQ '<id>') OR CategoryAncestorIds/ANY(c: c EQ '<id>'))
 *
 * Operators EQ, NE, LT, GT, LE, GE, CT (contains), SW (starts with), EW (ends with); AND, OR, NOT and parentheses;
 * keywords, operators and values ignore case. A value is one word, or any text in single quotes with a quote inside
 * doubled (`'it''s'`) — the OData rule; MediaValet documents no escaping, so this is inferred. Inside quotes nothing is
 * syntax: `'a) OR (b'` is one literal value. Everything the parser cannot read is a FilterSyntaxError (the API's 400):
 * an unknown field, an operator the field's kind does not take, a value of the wrong shape, an unquoted keyword as a
 * value, double quotes, nesting deeper than {@link MAX_DEPTH}, or an expression longer than {@link MAX_LENGTH}.
 *
 * The parser knows no fields: the caller says what each field name reads and what kind of value it holds.
 */

/** What a field holds, which decides the operators and values it takes. */
export type FieldKind =
  /** Free text: EQ NE CT SW EW. */
  | "text"
  /** One of a fixed list of values (`values`): EQ NE. */
  | "choice"
  /** A number: EQ NE LT GT LE GE. */
  | "number"
  /** An ISO 8601 date or date-time: EQ NE LT GT LE GE; a bare date means the whole UTC day. */
  | "date";

export interface ScalarField<T> {
  kind: FieldKind;
  read(item: T): string | number | undefined;
  /** For "choice": the accepted values (compared ignoring case). */
  values?: readonly string[];
}

export interface FilterFields<T> {
  /** A single-valued field (e.g. AssetType), or undefined when the name is unknown. */
  scalar(name: string): ScalarField<T> | undefined;
  /** A collection for `Name/ANY(x: x EQ 'v')` (e.g. CategoryIds), or undefined when unknown. */
  collection(name: string): ((item: T) => readonly string[]) | undefined;
}

export type Predicate<T> = (item: T) => boolean;

/** A filter the parser cannot read; the API answers it with 400. */
export class FilterSyntaxError extends Error {
  override readonly name = "FilterSyntaxError";
}

/** Longer than any filter a person could build in a panel; keeps a hostile request cheap to refuse. */
export const MAX_LENGTH = 8000;
/** Parentheses nest at most this deep, so that no input can exhaust the stack. */
export const MAX_DEPTH = 32;

type Token =
  | { kind: "("; at: number }
  | { kind: ")"; at: number }
  | { kind: ":"; at: number }
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number };

const OPERATORS = ["EQ", "NE", "LT", "GT", "LE", "GE", "CT", "SW", "EW"] as const;
type Operator = (typeof OPERATORS)[number];
const KEYWORDS = ["AND", "OR", "NOT"];

const OPERATORS_BY_KIND: Record<FieldKind, readonly Operator[]> = {
  text: ["EQ", "NE", "CT", "SW", "EW"],
  choice: ["EQ", "NE"],
  number: ["EQ", "NE", "LT", "GT", "LE", "GE"],
  date: ["EQ", "NE", "LT", "GT", "LE", "GE"],
};

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  // A word runs up to whitespace, a parenthesis or a quote; `c:` (a lambda's variable) splits off its colon below,
  // so that date-times such as 2024-01-31T12:00:00Z stay one word.
  const pattern = /\s*(?:([()])|'((?:[^']|'')*)'|([^\s()'"]+))/y;
  let index = 0;
  while (index < source.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      const rest = source.slice(index);
      if (rest.trim() === "") break;
      const at = index + rest.length - rest.trimStart().length;
      const character = source.charAt(at);
      if (character === "'") {
        throw new FilterSyntaxError(`The quoted value at position ${at + 1} has no closing quote.`);
      }
      if (character === '"') {
        throw new FilterSyntaxError(
          `Unexpected '"' at position ${at + 1}: quote values with single quotes, a quote inside doubled ('it''s').`,
        );
      }
      throw new FilterSyntaxError(`Unexpected character at position ${at + 1}.`);
    }
    const at = index + (match[0].length - match[0].trimStart().length);
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: match[1] === "(" ? "(" : ")", at });
    else if (match[2] !== undefined) tokens.push({ kind: "string", text: match[2].replace(/''/g, "'"), at });
    else if (match[3] !== undefined) {
      const word = match[3];
      if (word === ":") tokens.push({ kind: ":", at });
      else if (word.endsWith(":") && !word.slice(0, -1).includes(":")) {
        tokens.push({ kind: "word", text: word.slice(0, -1), at }, { kind: ":", at: at + word.length - 1 });
      } else tokens.push({ kind: "word", text: word, at });
    }
  }
  return tokens;
}

function asOperator(text: string): Operator | undefined {
  const upper = text.toUpperCase();
  return (OPERATORS as readonly string[]).includes(upper) ? (upper as Operator) : undefined;
}

/** A date value as the half-open interval of instants it names: one instant, or a whole UTC day. */
function dateInterval(field: string, text: string): { start: number; end: number } {
  if (ISO_DAY.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (!isNaN(start) && new Date(start).toISOString().startsWith(text))
      return { start, end: start + DAY_MS };
  } else if (ISO_INSTANT.test(text)) {
    const instant = Date.parse(text);
    if (!isNaN(instant)) return { start: instant, end: instant + 1 };
  }
  throw new FilterSyntaxError(
    `${field} needs an ISO 8601 date such as 2024-01-31 or 2024-01-31T12:00:00Z, not "${text}".`,
  );
}

function textTest(operator: Operator, expected: string): (actual: string) => boolean {
  const right = expected.toLowerCase();
  switch (operator) {
    case "EQ":
      return (actual) => actual.toLowerCase() === right;
    case "NE":
      return (actual) => actual.toLowerCase() !== right;
    case "CT":
      return (actual) => actual.toLowerCase().includes(right);
    case "SW":
      return (actual) => actual.toLowerCase().startsWith(right);
    case "EW":
      return (actual) => actual.toLowerCase().endsWith(right);
    default:
      throw new FilterSyntaxError(`${operator} does not apply to text.`);
  }
}

function numberTest(operator: Operator, expected: number): (actual: number) => boolean {
  switch (operator) {
    case "EQ":
      return (actual) => actual === expected;
    case "NE":
      return (actual) => actual !== expected;
    case "LT":
      return (actual) => actual < expected;
    case "LE":
      return (actual) => actual <= expected;
    case "GT":
      return (actual) => actual > expected;
    case "GE":
      return (actual) => actual >= expected;
    default:
      throw new FilterSyntaxError(`${operator} does not apply to numbers.`);
  }
}

function dateTest(operator: Operator, start: number, end: number): (actual: number) => boolean {
  // [start, end) is the value's interval: one millisecond for a date-time, 24 hours for a bare day.
  switch (operator) {
    case "EQ":
      return (actual) => actual >= start && actual < end;
    case "NE":
      return (actual) => actual < start || actual >= end;
    case "LT":
      return (actual) => actual < start;
    case "LE":
      return (actual) => actual < end;
    case "GT":
      return (actual) => actual >= end;
    case "GE":
      return (actual) => actual >= start;
    default:
      throw new FilterSyntaxError(`${operator} does not apply to dates.`);
  }
}

/** Checks the value against the field's kind once, at parse time, and returns the test for each item's value. */
function comparisonTest(
  name: string,
  field: ScalarField<unknown>,
  operator: Operator,
  expected: string,
): (actual: string | number) => boolean {
  if (!OPERATORS_BY_KIND[field.kind].includes(operator)) {
    throw new FilterSyntaxError(
      `${name} takes ${OPERATORS_BY_KIND[field.kind].join(", ")}; ${operator} does not apply to it.`,
    );
  }
  switch (field.kind) {
    case "text": {
      const test = textTest(operator, expected);
      return (actual) => test(String(actual));
    }
    case "choice": {
      const values = field.values ?? [];
      if (!values.some((value) => value.toLowerCase() === expected.toLowerCase())) {
        throw new FilterSyntaxError(`${name} is one of ${values.join(", ")}, not "${expected}".`);
      }
      const test = textTest(operator, expected);
      return (actual) => test(String(actual));
    }
    case "number": {
      if (!NUMBER.test(expected)) throw new FilterSyntaxError(`${name} needs a number, not "${expected}".`);
      const test = numberTest(operator, Number(expected));
      return (actual) => (typeof actual === "number" ? test(actual) : false);
    }
    case "date": {
      const { start, end } = dateInterval(name, expected);
      const test = dateTest(operator, start, end);
      return (actual) => {
        const instant = typeof actual === "number" ? actual : Date.parse(actual);
        return !isNaN(instant) && test(instant);
      };
    }
  }
}

function describe(token: Token | undefined): string {
  if (!token) return "the end of the filter";
  if (token.kind === "word") return `"${token.text}" at position ${token.at + 1}`;
  if (token.kind === "string") return `the quoted value at position ${token.at + 1}`;
  return `"${token.kind}" at position ${token.at + 1}`;
}

/** Parses a filter into a predicate; an empty filter matches everything. Throws FilterSyntaxError. */
export function parseFilter<T>(source: string, fields: FilterFields<T>): Predicate<T> {
  if (source.length > MAX_LENGTH) {
    throw new FilterSyntaxError(`The filter is longer than ${MAX_LENGTH} characters.`);
  }
  const tokens = tokenize(source);
  let position = 0;
  let depth = 0;

  const peek = (): Token | undefined => tokens[position];
  const peekWord = (word: string): boolean => {
    const token = peek();
    return token?.kind === "word" && token.text.toUpperCase() === word;
  };
  const expect = <K extends Token["kind"]>(kind: K, what: string): Extract<Token, { kind: K }> => {
    const token = tokens[position];
    if (token?.kind !== kind) throw new FilterSyntaxError(`Expected ${what}, found ${describe(token)}.`);
    position++;
    return token as Extract<Token, { kind: K }>;
  };
  const value = (): string => {
    const token = tokens[position];
    if (token?.kind === "string") {
      position++;
      return token.text;
    }
    if (token?.kind !== "word") throw new FilterSyntaxError(`Expected a value, found ${describe(token)}.`);
    if (KEYWORDS.includes(token.text.toUpperCase()) || asOperator(token.text)) {
      throw new FilterSyntaxError(
        `"${token.text}" at position ${token.at + 1} is a keyword: quote it ('${token.text}') to use it as a value.`,
      );
    }
    position++;
    return token.text;
  };

  const orExpression = (): Predicate<T> => {
    const parts = [andExpression()];
    while (peekWord("OR")) {
      position++;
      parts.push(andExpression());
    }
    return parts.length === 1 ? (parts[0] as Predicate<T>) : (item) => parts.some((part) => part(item));
  };

  const andExpression = (): Predicate<T> => {
    const parts = [unary()];
    while (peekWord("AND")) {
      position++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as Predicate<T>) : (item) => parts.every((part) => part(item));
  };

  const unary = (): Predicate<T> => {
    if (peekWord("NOT")) {
      position++;
      if (++depth > MAX_DEPTH)
        throw new FilterSyntaxError(`NOT and parentheses nest deeper than ${MAX_DEPTH}.`);
      const inner = unary();
      depth--;
      return (item) => !inner(item);
    }
    if (peek()?.kind === "(") {
      position++;
      if (++depth > MAX_DEPTH)
        throw new FilterSyntaxError(`NOT and parentheses nest deeper than ${MAX_DEPTH}.`);
      const inner = orExpression();
      expect(")", `")"`);
      depth--;
      return inner;
    }
    return comparison();
  };

  const comparison = (): Predicate<T> => {
    const first = expect("word", "a field name");
    const any = /^(.+)\/ANY$/i.exec(first.text);
    if (any) return anyClause(any[1] ?? "");

    // Field names may contain spaces ("File Extension"): read words up to the operator.
    const words = [first.text];
    for (let next = peek(); next?.kind === "word" && !asOperator(next.text); next = peek()) {
      if (KEYWORDS.includes(next.text.toUpperCase())) break;
      words.push(next.text);
      position++;
    }
    const name = words.join(" ");
    const operatorToken = peek();
    const operator = operatorToken?.kind === "word" ? asOperator(operatorToken.text) : undefined;
    if (!operator) {
      throw new FilterSyntaxError(
        `Expected an operator (${OPERATORS.join(", ")}) after "${name}", found ${describe(operatorToken)}.`,
      );
    }
    position++;
    const field = fields.scalar(name);
    if (!field) throw new FilterSyntaxError(`Unknown filter field "${name}".`);
    const test = comparisonTest(name, field as ScalarField<unknown>, operator, value());
    return (item) => {
      const actual = field.read(item);
      // An item without the value matches only "not equal".
      return actual === undefined ? operator === "NE" : test(actual);
    };
  };

  const anyClause = (name: string): Predicate<T> => {
    const read = fields.collection(name);
    if (!read) throw new FilterSyntaxError(`Unknown collection "${name}".`);
    expect("(", `"(" after ${name}/ANY`);
    const variable = expect("word", "a variable name").text;
    expect(":", `":" after ${variable}`);
    const used = expect("word", `"${variable}"`);
    if (used.text !== variable) {
      throw new FilterSyntaxError(`Expected "${variable}", found ${describe(used)}.`);
    }
    const operatorToken = expect("word", "EQ");
    if (asOperator(operatorToken.text) !== "EQ") {
      throw new FilterSyntaxError(`${name}/ANY takes only EQ, found ${describe(operatorToken)}.`);
    }
    const expected = value().toLowerCase();
    expect(")", `")"`);
    return (item) => read(item).some((member) => member.toLowerCase() === expected);
  };

  if (tokens.length === 0) return () => true;
  const predicate = orExpression();
  const extra = tokens[position];
  if (extra) throw new FilterSyntaxError(`Unexpected ${describe(extra)}.`);
  return predicate;
}
