/** The keys that move within a grid of tiles. */
export type GridKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

const GRID_KEYS = new Set<string>(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

export function isGridKey(key: string): key is GridKey {
  return GRID_KEYS.has(key);
}

/**
 * How many tiles the first row holds, from the tiles' tops as laid out now. The grid reflows with the window, so the
 * columns are counted at the moment of the key press, never assumed.
 */
export function countColumns(tops: readonly number[]): number {
  const first = tops[0];
  if (first === undefined) return 1;
  // Sub-pixel layout can put tiles of one row a fraction apart.
  const inRow = tops.findIndex((top) => Math.abs(top - first) > 1);
  return inRow === -1 ? tops.length : inRow;
}

/**
 * Where a key moves the focus in a grid of `count` tiles laid out `columns` wide. Left and Right follow reading order
 * (wrapping to the row before or after); Up and Down keep the column; Down from a column that the last, shorter row
 * lacks goes to the last tile; Home and End go to the first and last tile. Never leaves the grid.
 */
export function gridMove(key: GridKey, index: number, count: number, columns: number): number {
  if (count === 0) return 0;
  const last = count - 1;
  const width = Math.max(1, columns);
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, index - 1);
    case "ArrowRight":
      return Math.min(last, index + 1);
    case "ArrowUp":
      return index - width >= 0 ? index - width : index;
    case "ArrowDown": {
      if (index + width <= last) return index + width;
      // Only when there is a row below at all.
      return Math.floor(last / width) > Math.floor(index / width) ? last : index;
    }
    case "Home":
      return 0;
    case "End":
      return last;
  }
}
