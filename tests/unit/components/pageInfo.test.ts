import { describe, expect, it } from "vitest";
import { pageInfo } from "../../../src/components/pageInfo";

describe("pageInfo", () => {
  it("describes the first of several pages", () => {
    expect(pageInfo(0, 48, 48, 212)).toEqual({
      page: 1,
      pageCount: 5,
      first: 1,
      last: 48,
      previousOffset: undefined,
      nextOffset: 48,
      lastOffset: 192,
    });
  });

  it("describes a middle page", () => {
    expect(pageInfo(96, 48, 48, 212)).toMatchObject({
      page: 3,
      first: 97,
      last: 144,
      previousOffset: 48,
      nextOffset: 144,
    });
  });

  it("describes the last, partial page, with no next", () => {
    expect(pageInfo(192, 48, 20, 212)).toMatchObject({
      page: 5,
      pageCount: 5,
      first: 193,
      last: 212,
      nextOffset: undefined,
    });
  });

  it("has no next when the total is an exact multiple of the page size", () => {
    expect(pageInfo(48, 48, 48, 96)).toMatchObject({
      page: 2,
      pageCount: 2,
      nextOffset: undefined,
      lastOffset: 48,
    });
  });

  it("describes an empty result", () => {
    expect(pageInfo(0, 48, 0, 0)).toEqual({
      page: 0,
      pageCount: 0,
      first: 0,
      last: 0,
      previousOffset: undefined,
      nextOffset: undefined,
      lastOffset: 0,
    });
  });

  it("pages sensibly from an offset off the page boundary", () => {
    expect(pageInfo(10, 48, 48, 212)).toMatchObject({ page: 1, previousOffset: 0, nextOffset: 58 });
  });

  it("offers a way back from an offset past the end", () => {
    expect(pageInfo(480, 48, 0, 212)).toMatchObject({
      previousOffset: 432,
      nextOffset: undefined,
      lastOffset: 192,
    });
  });
});
