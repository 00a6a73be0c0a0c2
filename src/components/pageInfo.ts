/** Where one page sits among all of them; every offset it gives is a valid page start. */
export interface PageInfo {
  /** One-based; 0 when there is nothing to show. */
  page: number;
  pageCount: number;
  /** One-based index of the first item shown, 0 when none. */
  first: number;
  /** One-based index of the last item shown. */
  last: number;
  previousOffset: number | undefined;
  nextOffset: number | undefined;
  lastOffset: number;
}

/**
 * The paging facts for a page that starts at `offset`. An offset that is not on a page boundary (a hand-edited link)
 * still pages sensibly: previous goes back one page size, never below 0.
 * @param shown how many items this page really holds, which can be fewer than pageSize on the last page
 */
export function pageInfo(offset: number, pageSize: number, shown: number, total: number): PageInfo {
  const pageCount = total > 0 ? Math.ceil(total / pageSize) : 0;
  const lastOffset = pageCount > 0 ? (pageCount - 1) * pageSize : 0;
  const last = offset + shown;
  return {
    page: shown === 0 ? 0 : Math.min(pageCount, Math.floor(offset / pageSize) + 1),
    pageCount,
    first: shown === 0 ? 0 : offset + 1,
    last,
    previousOffset: offset > 0 ? Math.max(0, offset - pageSize) : undefined,
    nextOffset: last < total && shown > 0 ? offset + pageSize : undefined,
    lastOffset,
  };
}
