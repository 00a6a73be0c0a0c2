import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api";
import type { BulkPartResponse, BulkRequest } from "../../../src/api/bulkMultipart";
import { itemsToRetry, mergeResults, runBulk, type BulkItem } from "../../../src/pages/runBulk";

function items(count: number): BulkItem[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `k${index}`,
    assetId: `a${index}`,
    assetTitle: `Asset ${index}`,
    what: "add keyword “beach”",
    request: { method: "POST", path: `/assets/a${index}/keywords`, body: ["beach"] },
  }));
}

const accepted = (): BulkPartResponse => ({ status: 202, reason: "Accepted", headers: {}, body: "" });
const refused = (message: string): BulkPartResponse => ({
  status: 404,
  reason: "Not Found",
  headers: {},
  body: JSON.stringify({ Message: message, ExceptionMessage: message, ExceptionType: "X" }),
});

/** A stand-in for POST /bulk that records what it was sent and answers each part with `answer`. */
function fakeBulk(answer: (request: BulkRequest) => BulkPartResponse = accepted) {
  const sent: BulkRequest[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    sent,
    mostInFlight: () => mostInFlight,
    send: async (requests: BulkRequest[]) => {
      sent.push(requests);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      return requests.map(answer);
    },
  };
}

describe("runBulk", () => {
  it("sends at most 200 sub-requests per batch, two batches at a time, and reports every item", async () => {
    const bulk = fakeBulk();
    const results = await runBulk({ items: items(450), send: bulk.send });

    expect(bulk.sent.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(bulk.mostInFlight()).toBe(2);
    expect(results).toHaveLength(450);
    expect(results.every((result) => result.outcome.state === "succeeded")).toBe(true);
  });

  it("names each failed part with MediaValet's reason and its status, and the rest as succeeded", async () => {
    const bulk = fakeBulk((request) =>
      request.path.includes("/a1/") ? refused("Asset a1 was not found.") : accepted(),
    );
    const results = await runBulk({ items: items(3), send: bulk.send });

    expect(results.map((result) => result.outcome)).toEqual([
      { state: "succeeded" },
      { state: "failed", status: 404, reason: "Asset a1 was not found. (404 Not Found)" },
      { state: "succeeded" },
    ]);
  });

  it("counts a 200 whose envelope lists errors as failed: MediaValet skipped the edit", async () => {
    const bulk = fakeBulk(() => ({
      status: 200,
      reason: "OK",
      headers: {},
      body: JSON.stringify({ payload: {}, errors: [{ message: "No attribute x." }] }),
    }));
    const [result] = await runBulk({ items: items(1), send: bulk.send });
    expect(result?.outcome).toEqual({
      state: "failed",
      status: 200,
      reason: "MediaValet skipped it: No attribute x.",
    });
  });

  it("waits out a whole-batch 429 as long as Retry-After says, then sends the same batch again", async () => {
    const waits: number[] = [];
    const progress: (number | undefined)[] = [];
    let calls = 0;
    const results = await runBulk({
      items: items(2),
      send: async (requests) => {
        calls++;
        if (calls === 1) throw new ApiError("throttled", "Too many", { status: 429, retryAfterSeconds: 3 });
        return requests.map(accepted);
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
      onProgress: (step) => progress.push(step.waitingSeconds),
    });

    expect(waits).toEqual([3000]);
    expect(calls).toBe(2);
    expect(progress).toContain(3);
    expect(results.every((result) => result.outcome.state === "succeeded")).toBe(true);
  });

  it("gives up on a batch throttled again and again, and says so for each of its items", async () => {
    const results = await runBulk({
      items: items(2),
      maxThrottleWaits: 2,
      send: async () => {
        throw new ApiError("throttled", "MediaValet is receiving too many requests.", { status: 429 });
      },
      sleep: async () => undefined,
    });
    expect(results.map((result) => result.outcome)).toEqual([
      { state: "failed", status: 429, reason: "MediaValet is receiving too many requests." },
      { state: "failed", status: 429, reason: "MediaValet is receiving too many requests." },
    ]);
  });

  it("on cancel sends no further batch and reports the unsent items as not sent", async () => {
    const controller = new AbortController();
    const bulk = fakeBulk();
    const results = await runBulk({
      items: items(500),
      concurrency: 1,
      signal: controller.signal,
      send: async (requests, signal) => {
        const answers = await bulk.send(requests);
        controller.abort();
        expect(signal.aborted).toBe(true);
        return answers;
      },
    });

    expect(bulk.sent).toHaveLength(1);
    expect(results.filter((result) => result.outcome.state === "succeeded")).toHaveLength(200);
    expect(results.filter((result) => result.outcome.state === "notSent")).toHaveLength(300);
  });

  it("retries only the failed items, so nothing that succeeded is applied twice", async () => {
    let failing = new Set(["/assets/a1/keywords", "/assets/a3/keywords"]);
    const bulk = fakeBulk((request) => (failing.has(request.path) ? refused("Busy.") : accepted()));
    const first = await runBulk({ items: items(5), send: bulk.send });

    const again = itemsToRetry(first);
    expect(again.map((item) => item.assetId)).toEqual(["a1", "a3"]);
    failing = new Set();
    const second = await runBulk({ items: again, send: bulk.send });

    expect(bulk.sent[1]?.map((request) => request.path)).toEqual([
      "/assets/a1/keywords",
      "/assets/a3/keywords",
    ]);
    const merged = mergeResults(first, second);
    expect(merged.map((result) => result.outcome.state)).toEqual(Array(5).fill("succeeded"));
  });
});
