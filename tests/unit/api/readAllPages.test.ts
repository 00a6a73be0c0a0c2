import { describe, expect, it, vi } from "vitest";
import { PAGE_SIZE, readAllPages, type ListPage } from "../../../src/api/readAllPages";

/** A paged list of `size` numbers, served as MediaValet would, counting how many pages are read at once. */
function pagedList(size: number, withTotal = true) {
  const all = Array.from({ length: size }, (_, index) => index);
  let inFlight = 0;
  let mostInFlight = 0;
  const readPage = vi.fn(async (offset: number, count: number): Promise<ListPage<number>> => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    return { items: all.slice(offset, offset + count), total: withTotal ? size : undefined };
  });
  return { all, readPage, mostInFlight: () => mostInFlight };
}

describe("readAllPages", () => {
  it("reads one page when the first says it holds everything", async () => {
    const list = pagedList(12);
    expect(await readAllPages(list.readPage)).toEqual(list.all);
    expect(list.readPage).toHaveBeenCalledTimes(1);
    expect(list.readPage).toHaveBeenCalledWith(0, PAGE_SIZE);
  });

  it("reads 120 entries as a first page, then the two others, in order", async () => {
    const list = pagedList(120);
    expect(await readAllPages(list.readPage)).toEqual(list.all);
    expect(list.readPage.mock.calls).toEqual([
      [0, 50],
      [50, 50],
      [100, 50],
    ]);
  });

  it("reads the remaining pages in parallel, but never more than `parallel` at once", async () => {
    const list = pagedList(1000);
    expect(await readAllPages(list.readPage, { pageSize: 50, parallel: 3 })).toEqual(list.all);
    expect(list.readPage).toHaveBeenCalledTimes(20);
    expect(list.mostInFlight()).toBe(3);
  });

  it("without a total, reads on until a page comes back short", async () => {
    const list = pagedList(105, false);
    expect(await readAllPages(list.readPage)).toEqual(list.all);
    expect(list.readPage.mock.calls.map(([offset]) => offset)).toEqual([0, 50, 100]);
  });

  it("refuses a list longer than maxItems instead of cutting it silently", async () => {
    const list = pagedList(500);
    await expect(readAllPages(list.readPage, { maxItems: 200 })).rejects.toMatchObject({
      code: "bad_response",
    });
    expect(list.readPage).toHaveBeenCalledTimes(1);
  });

  it("fails as a whole when any page fails", async () => {
    const readPage = vi.fn(async (offset: number): Promise<ListPage<number>> => {
      if (offset === 50) throw new Error("page 2 failed");
      return { items: [offset], total: 150 };
    });
    await expect(readAllPages(readPage)).rejects.toThrow("page 2 failed");
  });
});
