import { describe, expect, it } from "vitest";
import { messageOf } from "../../../src/lib/messageOf";

describe("messageOf", () => {
  it("tells an Error by its message, and anything else as text", () => {
    expect(messageOf(new TypeError("Failed to fetch"))).toBe("Failed to fetch");
    expect(messageOf("gone")).toBe("gone");
    expect(messageOf(undefined)).toBe("undefined");
  });
});
