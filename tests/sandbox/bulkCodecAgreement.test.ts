import { describe, expect, it } from "vitest";
import { readBoundary, readBulkResponse, writeBulkRequest } from "../../src/api/bulkMultipart";
// The sandbox's reader and writer were written separately from Valet's codec: agreeing with them is the round trip.
import { batchBoundary, parseBatch, writeBatch } from "../../sandbox/api/multipartBatch";

describe("Valet's bulk codec and the sandbox's", () => {
  it("writes requests the sandbox reads back exactly, in order, bodies intact", () => {
    const { contentType, body } = writeBulkRequest([
      { method: "POST", path: "/assets/a1/keywords", body: ["beach", "été"] },
      { method: "PATCH", path: "/assets/a2", body: [{ op: "replace", path: "/title", value: "New" }] },
      { method: "DELETE", path: "/assets/a3/categories/c9" },
    ]);

    const parts = parseBatch(body, batchBoundary(contentType));
    expect(parts.map((part) => [part.method, part.target])).toEqual([
      ["POST", "/assets/a1/keywords"],
      ["PATCH", "/assets/a2"],
      ["DELETE", "/assets/a3/categories/c9"],
    ]);
    expect(JSON.parse(parts[0]?.body ?? "")).toEqual(["beach", "été"]);
    expect(JSON.parse(parts[1]?.body ?? "")).toEqual([{ op: "replace", path: "/title", value: "New" }]);
    expect(parts[2]?.body).toBe("");
    expect(parts[0]?.headers["content-type"]).toBe("application/json");
  });

  it("reads each part's own status, reason, headers and body from the sandbox's writer", () => {
    const answer = writeBatch(
      [
        {
          status: 202,
          reason: "Accepted",
          headers: { "Content-Type": "application/json" },
          body: '{"payload":null}',
        },
        {
          status: 404,
          reason: "Not Found",
          headers: { "Content-Type": "application/json; charset=utf-8" },
          body: '{"Message":"Asset a2 was not found."}',
        },
      ],
      "8d5b7c1e-0000-4000-8000-000000000001",
    );

    const parts = readBulkResponse(
      answer,
      readBoundary("multipart/mixed; boundary=8d5b7c1e-0000-4000-8000-000000000001"),
    );
    expect(parts.map((part) => [part.status, part.reason])).toEqual([
      [202, "Accepted"],
      [404, "Not Found"],
    ]);
    expect(parts[1]?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(parts[1]?.body ?? "")).toEqual({ Message: "Asset a2 was not found." });
  });
});
