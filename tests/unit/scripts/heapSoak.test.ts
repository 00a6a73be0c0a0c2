import { describe, expect, it } from "vitest";
import { compositionGrowth, heapComposition, renewalsInPage, slope } from "../../../scripts/bench/heapSoak";

/** A heap snapshot in V8's format with the given nodes (type, name, self size). */
function snapshotOf(nodes: [type: string, name: string, bytes: number][]) {
  const types = [
    "hidden",
    "array",
    "string",
    "object",
    "code",
    "closure",
    "native",
    "synthetic",
    "object shape",
  ];
  const strings: string[] = [];
  const flat: number[] = [];
  for (const [type, name, bytes] of nodes) {
    strings.push(name);
    flat.push(types.indexOf(type), strings.length - 1, bytes);
  }
  return {
    snapshot: { meta: { node_fields: ["type", "name", "self_size"], node_types: [types] } },
    nodes: flat,
    strings,
  };
}

describe("the bench's heap soak", () => {
  it("takes growth as the least-squares slope, so one noisy sample moves it little", () => {
    const level = [0, 100, 200, 300].map((renewals) => ({ renewals, bytes: 3_000_000 }));
    expect(slope(level)).toBe(0);
    const climbing = [0, 100, 200, 300].map((renewals) => ({ renewals, bytes: 3_000_000 + renewals * 50 }));
    expect(slope(climbing) * 100).toBe(5_000);
    const oneSpike = level.map((sample, i) =>
      i === 1 ? { ...sample, bytes: sample.bytes + 10_000 } : sample,
    );
    expect(Math.abs(slope(oneSpike) * 100)).toBeLessThan(10_000 / 3);
  });

  it("splits a snapshot into compiled code, JS values and the browser's own objects, and counts objects by name", () => {
    const composition = heapComposition(
      snapshotOf([
        ["code", "system / InstructionStream", 1000],
        ["object", "RefreshLedger", 40],
        ["object", "RefreshLedger", 40],
        ["closure", "onUserLoaded", 32],
        ["string", "a token", 100],
        ["native", "blink::NetworkResourcesData::ResourceData", 288],
        ["synthetic", "(GC roots)", 0],
      ]),
    );
    expect(composition).toMatchObject({ code: 1000, values: 212, native: 288 });
    expect(composition.byName.get("RefreshLedger")).toEqual({ count: 2, bytes: 80 });
    expect(composition.byName.get("closure onUserLoaded")).toEqual({ count: 1, bytes: 32 });
    expect(composition.byName.has("a token")).toBe(false);
  });

  it("names the object kinds whose count grew, most first, and leaves out those that did not", () => {
    const before = heapComposition(
      snapshotOf([
        ["object", "Timer", 20],
        ["object", "Steady", 10],
      ]),
    );
    const after = heapComposition(
      snapshotOf([
        ["code", "system / Code", 500],
        ["object", "Timer", 20],
        ["object", "Timer", 20],
        ["object", "Timer", 20],
        ["closure", "listener", 32],
        ["object", "Steady", 10],
      ]),
    );
    const growth = compositionGrowth(before, after);
    expect(growth).toMatchObject({ code: 500, values: 72, native: 0 });
    expect(growth.grown).toEqual([
      { name: "Timer", count: 2, bytes: 40 },
      { name: "closure listener", count: 1, bytes: 32 },
    ]);
  });

  describe("the in-page renewal loop", () => {
    /** A Session page stand-in: "Renew now" says "renewing…", disabled, then the outcome a moment later. */
    function sessionPage(outcome: (press: number) => string) {
      document.body.innerHTML =
        '<button type="button">Renew now</button><span data-testid="renewal-state">idle</span>';
      const button = document.querySelector("button") as HTMLButtonElement;
      const status = document.querySelector('[data-testid="renewal-state"]') as HTMLElement;
      let presses = 0;
      button.addEventListener("click", () => {
        presses += 1;
        const press = presses;
        button.disabled = true;
        status.textContent = "renewing…";
        setTimeout(() => {
          status.textContent = outcome(press);
          button.disabled = false;
        }, 1);
      });
      return { presses: () => presses };
    }
    const run = (count: number) => (0, eval)(renewalsInPage(count)) as Promise<void>;

    it("presses the button once per renewal, each after the one before has finished", async () => {
      const page = sessionPage(() => "idle (renewed at 06:40:00)");
      await run(3);
      expect(page.presses()).toBe(3);
    });

    it("stops at a failed renewal and says which", async () => {
      const page = sessionPage((press) =>
        press === 2 ? "failed: invalid_grant" : "idle (renewed at 06:40:00)",
      );
      await expect(run(5)).rejects.toThrow("Renewal 2 of 5: failed: invalid_grant");
      expect(page.presses()).toBe(2);
    });
  });
});
