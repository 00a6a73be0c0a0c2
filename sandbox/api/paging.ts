import { ApiError } from "./apiError";
import type { RecordCount } from "./envelope";

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

export interface Paging {
  count: number;
  offset: number;
}

function readNumber(name: string, raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === null || raw === "") return fallback;
  const text = String(raw);
  if (!/^\d+$/.test(text)) throw new ApiError(400, "bad_request", `${name} must be a whole number.`);
  return Math.min(Number(text), max);
}

/** `count` (default 50) and `offset` (default 0), from any source; MediaValet reads the names ignoring case. */
export function readPaging(lookup: (name: string) => unknown): Paging {
  return {
    count: readNumber("count", lookup("count"), DEFAULT_COUNT, MAX_COUNT),
    offset: readNumber("offset", lookup("offset"), 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Reads a query parameter ignoring the case of its name. */
export function queryParam(url: URL, name: string): string | undefined {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

export function pagingFromQuery(url: URL): Paging {
  return readPaging((name) => queryParam(url, name));
}

/** One page of `items` and the envelope's `recordCount` for it (startingRecord is 1-based). */
export function pageOf<T>(items: readonly T[], paging: Paging): { page: T[]; recordCount: RecordCount } {
  const page = items.slice(paging.offset, paging.offset + paging.count);
  return {
    page,
    recordCount: {
      totalRecordsFound: items.length,
      startingRecord: paging.offset + 1,
      recordsReturned: page.length,
    },
  };
}
