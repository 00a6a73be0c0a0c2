import { ApiError } from "./ApiError";

/**
 * How many items Valet asks MediaValet for at a time, everywhere: MediaValet's own default `count`, so every page
 * size Valet uses is one MediaValet is known to serve.
 */
export const PAGE_SIZE = 50;

/** One page of a listing: its items and, when the envelope had one, `recordCount.totalRecordsFound`. */
export interface ListPage<T> {
  items: T[];
  total: number | undefined;
}

export interface ReadAllPagesOptions {
  /** Items per request; defaults to PAGE_SIZE. */
  pageSize?: number;
  /** Requests in flight at once after the first page; defaults to 4. */
  parallel?: number;
  /** Refuse lists longer than this rather than read without end; defaults to 20,000 items. */
  maxItems?: number;
}

const DEFAULT_PARALLEL = 4;
const DEFAULT_MAX_ITEMS = 20_000;

/**
 * Reads a whole paged list (`count` / `offset`): the first page says how many there are in all, then the remaining
 * pages are read in parallel, a few at a time, and joined in order. Without a total (an envelope with no
 * `recordCount`) it reads on, one page at a time, until a page comes back short.
 * @throws ApiError `bad_response` when the list is longer than `maxItems`
 */
export async function readAllPages<T>(
  readPage: (offset: number, count: number) => Promise<ListPage<T>>,
  options: ReadAllPagesOptions = {},
): Promise<T[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const parallel = Math.max(1, options.parallel ?? DEFAULT_PARALLEL);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;

  const first = await readPage(0, pageSize);
  if (first.total === undefined) return readUntilShort(readPage, first.items, pageSize, maxItems);
  if (first.total > maxItems) throw tooLong(maxItems);

  const offsets: number[] = [];
  for (let offset = pageSize; offset < first.total; offset += pageSize) offsets.push(offset);
  const pages: T[][] = new Array<T[]>(offsets.length);
  let next = 0;
  const worker = async () => {
    while (next < offsets.length) {
      const index = next++;
      pages[index] = (await readPage(offsets[index] ?? 0, pageSize)).items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, offsets.length) }, worker));
  return [first.items, ...pages].flat();
}

async function readUntilShort<T>(
  readPage: (offset: number, count: number) => Promise<ListPage<T>>,
  firstItems: T[],
  pageSize: number,
  maxItems: number,
): Promise<T[]> {
  const items = [...firstItems];
  let last = firstItems.length;
  while (last >= pageSize) {
    if (items.length >= maxItems) throw tooLong(maxItems);
    const page = await readPage(items.length, pageSize);
    items.push(...page.items);
    last = page.items.length;
  }
  return items;
}

function tooLong(maxItems: number): ApiError {
  return new ApiError(
    "bad_response",
    `MediaValet lists more than ${maxItems.toLocaleString("en")} entries here; Valet does not read lists that long.`,
  );
}
