import { describe, expect, it } from "vitest";
import { countColumns, gridMove } from "../../../src/components/gridMove";

describe("countColumns", () => {
  it("counts the tiles that share the first row's top", () => {
    expect(countColumns([10, 10, 10, 220, 220, 220, 430])).toBe(3);
  });
  it("treats sub-pixel differences as the same row", () => {
    expect(countColumns([10, 10.4, 9.8, 220])).toBe(3);
  });
  it("is the whole grid when every tile is on one row, and 1 when there are none", () => {
    expect(countColumns([5, 5])).toBe(2);
    expect(countColumns([])).toBe(1);
  });
  it("is 1 when the tiles stack in a single column", () => {
    expect(countColumns([0, 210, 420])).toBe(1);
  });
});

describe("gridMove, 10 tiles in rows of 4 (the last row holds 2)", () => {
  const move = (key: Parameters<typeof gridMove>[0], from: number) => gridMove(key, from, 10, 4);

  it("Left and Right follow reading order, wrapping rows, and stop at the ends", () => {
    expect(move("ArrowRight", 3)).toBe(4);
    expect(move("ArrowLeft", 4)).toBe(3);
    expect(move("ArrowLeft", 0)).toBe(0);
    expect(move("ArrowRight", 9)).toBe(9);
  });
  it("Up and Down keep the column", () => {
    expect(move("ArrowDown", 1)).toBe(5);
    expect(move("ArrowUp", 5)).toBe(1);
    expect(move("ArrowUp", 2)).toBe(2);
  });
  it("Down into a column the last row lacks goes to the last tile; Down on the last row stays", () => {
    expect(move("ArrowDown", 7)).toBe(9);
    expect(move("ArrowDown", 9)).toBe(9);
    expect(move("ArrowDown", 8)).toBe(8);
  });
  it("Home and End go to the first and last tile", () => {
    expect(move("Home", 6)).toBe(0);
    expect(move("End", 2)).toBe(9);
  });
  it("the same key moves by the columns it is given, so a reflowed grid moves differently", () => {
    expect(gridMove("ArrowDown", 1, 10, 2)).toBe(3);
    expect(gridMove("ArrowDown", 1, 10, 5)).toBe(6);
  });
});
