import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../../src/api/parseRetryAfter";

const NOW = Date.parse("2026-08-13T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads a number of seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an HTTP date as the seconds until it", () => {
    expect(parseRetryAfter("Thu, 13 Aug 2026 12:00:30 GMT", NOW)).toBe(30);
  });

  it("treats a date already past as no wait", () => {
    expect(parseRetryAfter("Thu, 13 Aug 2026 11:59:00 GMT", NOW)).toBe(0);
  });

  it("gives up on a missing or unreadable value", () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
    expect(parseRetryAfter("1.5", NOW)).toBeUndefined();
  });
});
