import { describe, expect, it } from "vitest";
import { measureBudget, type BudgetLimits, type ChunkInfo } from "../../../scripts/bundleBudget";

// Incompressible code of about `bytes` gzip bytes, so that sizes are predictable.
function code(bytes: number, seed: number): string {
  let state = seed;
  let out = "";
  while (out.length < bytes * 1.4) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += state.toString(36);
  }
  return out;
}

function chunk(fileName: string, bytes: number, options: Partial<ChunkInfo> = {}): ChunkInfo {
  return {
    fileName,
    code: code(bytes, fileName.length),
    isEntry: false,
    moduleIds: [`/src/${fileName}`],
    imports: [],
    ...options,
  };
}

const limits: BudgetLimits = {
  firstPageBytes: 3_000,
  totalBytes: 6_000,
  onDemand: [{ what: "the player", fileName: /(^|\/)player-[^/]*\.js$/, bytes: 20_000 }],
};
const entry = chunk("static/index-a.js", 1_000, { isEntry: true, moduleIds: ["/src/main.tsx"] });
// The start page shares its chunk with other modules, as a group makes it.
const start = chunk("static/Start-b.js", 500, { moduleIds: ["/src/lib/shared.ts", "/src/pages/Start.tsx"] });

describe("measureBudget", () => {
  it("keeps an on-demand library out of the total and holds it to its own limit", () => {
    const report = measureBudget(
      [entry, start, chunk("static/player-c.js", 15_000)],
      ["/src/pages/Start.tsx"],
      limits,
    );

    expect(report.problems).toEqual([]);
    expect(report.total).toBeLessThan(3_000);
    expect(report.chunks.find((c) => c.fileName === "static/player-c.js")?.onDemand?.what).toBe("the player");
  });

  it("fails an on-demand library over its limit, or one that the first page loads", () => {
    const tooBig = measureBudget(
      [entry, start, chunk("static/player-c.js", 25_000)],
      ["/src/pages/Start.tsx"],
      limits,
    );
    expect(tooBig.problems).toEqual([expect.stringMatching(/^the player is .* over its budget/)]);

    const eager = measureBudget(
      [{ ...entry, imports: ["static/player-c.js"] }, start, chunk("static/player-c.js", 1_000)],
      ["/src/pages/Start.tsx"],
      limits,
    );
    expect(eager.problems).toEqual([expect.stringMatching(/the player is on the first page/)]);
  });

  it("still fails the app's own code over the total", () => {
    const report = measureBudget(
      [entry, start, chunk("static/Big-d.js", 7_000)],
      ["/src/pages/Start.tsx"],
      limits,
    );
    expect(report.problems).toEqual([
      expect.stringMatching(/^All JS but the on-demand libraries is .* over/),
    ]);
  });

  it("counts the chunk holding the start page, and what it imports, as the first page; other pages are not", () => {
    const report = measureBudget(
      [
        entry,
        { ...start, imports: ["static/Shared-e.js"] },
        chunk("static/Shared-e.js", 300),
        chunk("static/Other-f.js", 300),
      ],
      ["/src/pages/Start.tsx"],
      limits,
    );
    const firstPage = report.chunks.filter((c) => c.firstPage).map((c) => c.fileName);
    expect(firstPage.sort()).toEqual(["static/Shared-e.js", "static/Start-b.js", "static/index-a.js"]);
  });

  it("fails when no chunk holds a first-page module, rather than measure a first page without it", () => {
    const report = measureBudget([entry, start], ["/src/pages/Renamed.tsx"], limits);
    expect(report.problems).toEqual([expect.stringMatching(/^No chunk holds \/src\/pages\/Renamed\.tsx/)]);
  });
});
