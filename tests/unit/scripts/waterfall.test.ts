import { describe, expect, it } from "vitest";
import { formatWaterfall, withoutHash, type Waterfall } from "../../../scripts/bench/waterfall";

const waterfall: Waterfall = {
  shownAt: 100,
  entries: [
    { name: "/static/LibraryPage.js", initiator: "script", start: 40, end: 60 },
    { name: "/callback", initiator: "navigation", start: 0, end: 20 },
    { name: "api /media/a/thumb.svg", group: "thumbnails", initiator: "img", start: 70, end: 80 },
    { name: "api /media/b/thumb.svg", group: "thumbnails", initiator: "img", start: 75, end: 90 },
    { name: "api /attributes", initiator: "fetch", start: 120, end: 130 },
  ],
};

describe("the bench's waterfall", () => {
  it("lists the requests before the data by start, a group on one line, and counts the later ones", () => {
    const lines = formatWaterfall("Callback leg", waterfall, 10);
    expect(lines[0]).toBe("Callback leg: data on screen at 100 ms after navigation");
    const rows = lines.slice(2, -2).map((line) => line.trim().split(/\s+/).slice(0, 3));
    expect(rows).toEqual([
      ["0", "20", "/callback"],
      ["40", "60", "/static/LibraryPage.js"],
      ["70", "90", "thumbnails"],
    ]);
    expect(lines.find((line) => line.includes("thumbnails"))).toContain("thumbnails ×2");
    expect(lines.at(-1)).toBe("  (+1 requests after the data was on screen: thumbnails and the like)");
  });

  it("draws each bar on the shared scale: 0–20 ms of 100 ms fills the first fifth", () => {
    const row = formatWaterfall("Warm start", waterfall, 10).find((line) => line.includes("/callback"));
    expect(row?.endsWith("|██        |")).toBe(true);
  });

  it("drops the build's hash from file names", () => {
    expect(withoutHash("/static/LibraryPage-Bx2T4hEt.js")).toBe("/static/LibraryPage.js");
    expect(withoutHash("/static/index-DHOGOacZ.css")).toBe("/static/index.css");
    expect(withoutHash("/callback")).toBe("/callback");
  });
});
