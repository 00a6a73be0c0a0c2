import { describe, expect, it } from "vitest";
import {
  BulkFormatError,
  chooseBoundary,
  readBoundary,
  readBulkResponse,
  writeBulkRequest,
} from "../../../src/api/bulkMultipart";

describe("writeBulkRequest", () => {
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
