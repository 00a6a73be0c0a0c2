import { describe, expect, it } from "vitest";
import { matchPatchErrors } from "../../../src/api/matchPatchErrors";
import type { JsonPatchOperation } from "../../../src/api/types";

const title: JsonPatchOperation = { op: "replace", path: "/title", value: "" };
const altText: JsonPatchOperation = { op: "replace", path: "/altText", value: "A boat" };
const attribute1: JsonPatchOperation = { op: "replace", path: "/attributes/a1", value: "x" };
const attribute12: JsonPatchOperation = { op: "replace", path: "/attributes/a12", value: "y" };
const operations = [title, altText, attribute1, attribute12];

describe("matchPatchErrors", () => {
  it("matches an error by its path property", () => {
    expect(matchPatchErrors(operations, [{ path: "/altText", message: "Too long." }])).toEqual([
      { operation: altText, message: "Too long." },
    ]);
  });

  it("matches an error by a sent operation's pointer in its message, whole pointers only", () => {
    const [refused] = matchPatchErrors(operations, [{ message: "replace /attributes/a12 is not allowed" }]);
    expect(refused?.operation).toBe(attribute12);
  });

  it("matches the sandbox's wording, which names both the index and the pointer", () => {
    const [refused] = matchPatchErrors(operations, [
      {
        code: "invalid_patch_operation",
        message: "Operation 0 (replace /title) was skipped: the title cannot be empty.",
      },
    ]);
    expect(refused).toEqual({
      operation: title,
      message: "Operation 0 (replace /title) was skipped: the title cannot be empty.",
    });
  });

  it("matches by operation index when that is all the message gives", () => {
    expect(matchPatchErrors(operations, [{ message: "Operation 1 was skipped." }])[0]?.operation).toBe(
      altText,
    );
  });

  it("leaves an error that names nothing unmatched, with a message a person can read", () => {
    expect(matchPatchErrors(operations, [{ code: "Forbidden" }, {}])).toEqual([
      { operation: undefined, message: "MediaValet refused it (Forbidden)." },
      { operation: undefined, message: "MediaValet refused it." },
    ]);
  });
});
