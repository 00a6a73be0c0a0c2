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
    facadeModuleId: null,
    imports: [],
    ...options,
  };
}

const limits: BudgetLimits = {
  firstPageBytes: 3_000,
  totalBytes: 6_000,
  onDemand: [{ what: "the player", fileName: /(^|\/)player-[^/]*\.js$/, bytes: 20_000 }],
};
const entry = chunk("static/index-a.js", 1_000, { isEntry: true, facadeModuleId: "/src/main.tsx" });
const start = chunk("static/Start-b.js", 500, { facadeModuleId: "/src/pages/Start.tsx" });

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
});
