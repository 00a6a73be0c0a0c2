/**
 * MediaValet's filter language, as its `filters` and `containerFilter` parameters use it (research §2.4):
 *
 *   (AssetType EQ Image) AND (Status EQ 0)
 *   (AssetType EQ Image OR AssetType EQ Video) AND NOT (File Extension EQ png)
 *   (CategoryIds/ANY(c: c EQ '<id>') OR CategoryAncestorIds/ANY(c: c EQ '<id>'))
 *
 * Operators EQ, NE, LT, GT, LE, GE, CT (contains), SW (starts with), EW (ends with); AND, OR, NOT and parentheses;
 * keywords and values ignore case. The parser knows no fields: the caller says what each field name reads.
 */
export interface FilterFields<T> {
  /** A single-valued field (e.g. AssetType), or undefined when the name is unknown. */
  scalar(name: string): ((item: T) => string | number | undefined) | undefined;
  /** A collection for `Name/ANY(x: x EQ 'v')` (e.g. CategoryIds), or undefined when unknown. */
  collection(name: string): ((item: T) => readonly string[]) | undefined;
}

export type Predicate<T> = (item: T) => boolean;

/** A filter the parser cannot read; the API answers it with 400. */
export class FilterSyntaxError extends Error {
  override readonly name = "FilterSyntaxError";
}

type Token = { kind: "(" | ")" | ":" } | { kind: "word" | "string"; text: string };

const OPERATORS = ["EQ", "NE", "LT", "GT", "LE", "GE", "CT", "SW", "EW"] as const;
type Operator = (typeof OPERATORS)[number];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([():])|'((?:[^']|'')*)'|"([^"]*)"|([^\s():'"]+))/y;
  let index = 0;
  while (index < source.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      if (source.slice(index).trim() === "") break;
      throw new FilterSyntaxError(`Unexpected character at position ${index + 1}.`);
    }
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: match[1] as "(" | ")" | ":" });
    else if (match[2] !== undefined) tokens.push({ kind: "string", text: match[2].replace(/''/g, "'") });
    else if (match[3] !== undefined) tokens.push({ kind: "string", text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: "word", text: match[4] });
  }
  return tokens;
}

function isOperator(text: string): text is Operator {
  return (OPERATORS as readonly string[]).includes(text.toUpperCase());
}

function compare(actual: string | number | undefined, operator: Operator, expected: string): boolean {
  if (actual === undefined) return operator === "NE";
  const left = String(actual).toLowerCase();
  const right = expected.toLowerCase();
  switch (operator) {
    case "EQ":
      return left === right;
    case "NE":
      return left !== right;
    case "CT":
      return left.includes(right);
    case "SW":
      return left.startsWith(right);
    case "EW":
      return left.endsWith(right);
    case "LT":
    case "GT":
    case "LE":
    case "GE": {
      const order = ordering(String(actual), expected);
      if (order === undefined) return false;
      if (operator === "LT") return order < 0;
      if (operator === "GT") return order > 0;
      if (operator === "LE") return order <= 0;
      return order >= 0;
    }
  }
}

/** Numbers compare as numbers, dates as dates, anything else as text. */
function ordering(left: string, right: string): number | undefined {
  if (left.trim() !== "" && right.trim() !== "" && !isNaN(Number(left)) && !isNaN(Number(right))) {
    return Number(left) - Number(right);
  }
  const [leftDate, rightDate] = [Date.parse(left), Date.parse(right)];
  if (!isNaN(leftDate) && !isNaN(rightDate)) return leftDate - rightDate;
  return left.toLowerCase().localeCompare(right.toLowerCase());
}

/** Parses a filter into a predicate; an empty filter matches everything. Throws FilterSyntaxError. */
export function parseFilter<T>(source: string, fields: FilterFields<T>): Predicate<T> {
  const tokens = tokenize(source);
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const peekWord = (word: string): boolean => {
    const token = peek();
    return token?.kind === "word" && token.text.toUpperCase() === word;
  };
  const expect = (kind: Token["kind"], what: string): Token => {
    const token = tokens[position];
    if (token?.kind !== kind) throw new FilterSyntaxError(`Expected ${what}.`);
    position++;
    return token;
  };
  const value = (): string => {
    const token = tokens[position];
    if (token?.kind !== "word" && token?.kind !== "string") throw new FilterSyntaxError("Expected a value.");
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
      const inner = unary();
      return (item) => !inner(item);
    }
    if (peek()?.kind === "(") {
      position++;
      const inner = orExpression();
      expect(")", `")"`);
      return inner;
    }
    return comparison();
  };

  const comparison = (): Predicate<T> => {
    const first = expect("word", "a field name") as { text: string };
    const any = /^(.+)\/ANY$/i.exec(first.text);
    if (any) return anyClause(any[1] ?? "");

    // Field names may contain spaces ("File Extension"): read words up to the operator.
    const words = [first.text];
    while (peek()?.kind === "word" && !isOperator((peek() as { text: string }).text)) {
      words.push((tokens[position++] as { text: string }).text);
    }
    const name = words.join(" ");
    const read = fields.scalar(name);
    if (!read) throw new FilterSyntaxError(`Unknown filter field "${name}".`);
    const operator = (expect("word", `an operator (${OPERATORS.join(", ")})`) as { text: string }).text;
    if (!isOperator(operator)) throw new FilterSyntaxError(`Unknown operator "${operator}".`);
    const expected = value();
    const upper = operator.toUpperCase() as Operator;
    return (item) => compare(read(item), upper, expected);
  };

  const anyClause = (name: string): Predicate<T> => {
    const read = fields.collection(name);
    if (!read) throw new FilterSyntaxError(`Unknown collection "${name}".`);
    expect("(", `"(" after ${name}/ANY`);
    const variable = (expect("word", "a variable name") as { text: string }).text;
    expect(":", `":" after ${variable}`);
    const used = (expect("word", `"${variable}"`) as { text: string }).text;
    if (used !== variable) throw new FilterSyntaxError(`Expected "${variable}", found "${used}".`);
    const operator = (expect("word", "an operator") as { text: string }).text;
    if (!isOperator(operator)) throw new FilterSyntaxError(`Unknown operator "${operator}".`);
    const expected = value();
    expect(")", `")"`);
    const upper = operator.toUpperCase() as Operator;
    return (item) => read(item).some((member) => compare(member, upper, expected));
  };

  if (tokens.length === 0) return () => true;
  const predicate = orExpression();
  const extra = tokens[position];
  if (extra)
    throw new FilterSyntaxError(`Unexpected ${"text" in extra ? `"${extra.text}"` : `"${extra.kind}"`}.`);
  return predicate;
}
