import { describe, expect, it } from "vitest";
import {
  neighbours,
  readResultsTrail,
  RESULTS_TRAIL_KEY,
  returningTo,
  withoutReturn,
  writeResultsTrail,
  type ResultsTrail,
} from "../../../src/pages/resultsNavigation";

const item = (id: string) => ({ id, title: `Asset ${id}`, href: `/assets/${id}` });
const trail: ResultsTrail = { from: "/assets?search=beach", top: 300, items: ["a", "b", "c"].map(item) };

describe("resultsNavigation", () => {
  it("keeps the trail under a valet. key, so that signing out removes it", () => {
    expect(RESULTS_TRAIL_KEY.startsWith("valet.")).toBe(true);
    writeResultsTrail(sessionStorage, trail);
    expect(readResultsTrail(sessionStorage)).toEqual(trail);
  });

  it("reads an unreadable or foreign value as no trail", () => {
    sessionStorage.setItem(RESULTS_TRAIL_KEY, "{not json");
    expect(readResultsTrail(sessionStorage)).toBeUndefined();
    sessionStorage.setItem(RESULTS_TRAIL_KEY, JSON.stringify({ items: "x" }));
    expect(readResultsTrail(sessionStorage)).toBeUndefined();
  });

  it("gives the previous and next result and the position, none past the ends", () => {
    expect(neighbours(trail, "b")).toEqual({ previous: item("a"), next: item("c"), position: 2, total: 3 });
    expect(neighbours(trail, "a")).toEqual({ next: item("b"), position: 1, total: 3 });
    expect(neighbours(trail, "c")).toEqual({ previous: item("b"), position: 3, total: 3 });
  });

  it("offers nothing for an asset that is not among the results", () => {
    expect(neighbours(trail, "z")).toBeUndefined();
    expect(neighbours(undefined, "a")).toBeUndefined();
  });

  it("sets and clears the tile to come back to", () => {
    const back = returningTo(trail, "c");
    expect(back.returnTo).toBe("c");
    expect(withoutReturn(back)).toEqual(trail);
  });
});
