import { describe, expect, it } from "vitest";
import {
  BulkFormatError,
  chooseBoundary,
  readBoundary,
  readBulkResponse,
  writeBulkRequest,
} from "../../../src/api/bulkMultipart";
// The sandbox's own reader and writer were written separately from Valet's: agreeing with them is the round trip.
import { batchBoundary, parseBatch, writeBatch } from "../../../sandbox/api/multipartBatch";

describe("writeBulkRequest", () => {
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

  it("ends every line with CRLF and never with a bare LF", () => {
    const { body } = writeBulkRequest([{ method: "POST", path: "/assets/a1/keywords", body: ["x"] }], "b");
    expect(body).toBe(
      "--b\r\nContent-Type: application/http; msgtype=request\r\n\r\n" +
        'POST /assets/a1/keywords HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n["x"]\r\n' +
        "--b--\r\n",
    );
    expect(body.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("picks a boundary that occurs in no body", () => {
    const tokens = ["taken", "free"];
    const boundary = chooseBoundary(['{"note":"batch_taken"}'], () => tokens.shift() ?? "never");
    expect(boundary).toBe("batch_free");
  });
});

describe("readBulkResponse", () => {
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

  it("does not split a part whose body mentions the boundary in mid-line", () => {
    const body = '{"note":"--xyz is the boundary"}';
    const answer =
      "preamble to ignore\r\n--xyz\r\nContent-Type: application/http; msgtype=response\r\n\r\n" +
      `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${body}\r\n--xyz--\r\nepilogue`;
    expect(readBulkResponse(answer, "xyz")).toEqual([
      { status: 200, reason: "OK", headers: { "content-type": "application/json" }, body },
    ]);
  });

  it("reads a quoted boundary and refuses an answer that is not multipart", () => {
    expect(readBoundary('multipart/mixed; boundary="a b"')).toBe("a b");
    expect(() => readBoundary("application/json")).toThrow(BulkFormatError);
    expect(() => readBoundary("multipart/mixed")).toThrow(/no boundary/);
  });

  it("refuses a truncated answer rather than reporting part of it", () => {
    const cut = "--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}";
    expect(() => readBulkResponse(cut, "b")).toThrow(/closing delimiter/);
  });
});
