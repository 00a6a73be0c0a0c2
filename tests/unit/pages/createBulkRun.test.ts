import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import type { BulkPartResponse, BulkRequest } from "../../../src/api/bulkMultipart";
import { createBulkRun } from "../../../src/pages/createBulkRun";
import type { BulkItem } from "../../../src/pages/runBulk";

const item = (n: number): BulkItem => ({
  key: `k${n}`,
  assetId: `a${n}`,
  assetTitle: `Asset ${n}`,
  what: "add keyword",
  request: { method: "POST", path: `/assets/a${n}/keywords`, body: ["x"] },
});

describe("createBulkRun", () => {
  it("reports each item, then retries only the failed ones and merges their new outcome into the report", async () => {
    const sent: string[][] = [];
    let failing = new Set(["/assets/a2/keywords"]);
    const send = async (requests: BulkRequest[]): Promise<BulkPartResponse[]> => {
      sent.push(requests.map((request) => request.path));
      return requests.map((request) =>
        failing.has(request.path)
          ? { status: 409, reason: "Conflict", headers: {}, body: '{"Message":"Busy."}' }
          : { status: 202, reason: "Accepted", headers: {}, body: "" },
      );
    };
    await createRoot(async (dispose) => {
      const run = createBulkRun(send);
      expect(run.state()).toBe("idle");
      await run.start([item(1), item(2), item(3)]);
      expect(run.state()).toBe("done");
      expect(run.progress()).toMatchObject({ total: 3, succeeded: 2, failed: 1 });
      expect(run.results().map((result) => result.outcome.state)).toEqual([
        "succeeded",
        "failed",
        "succeeded",
      ]);

      failing = new Set();
      await run.retryFailed();
      expect(sent[1]).toEqual(["/assets/a2/keywords"]);
      expect(run.results().map((result) => result.outcome.state)).toEqual([
        "succeeded",
        "succeeded",
        "succeeded",
      ]);
      dispose();
    });
  });
});
