import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../../src/auth/safeReturnPath";

describe("safeReturnPath", () => {
  it("keeps a path on this app with its search and hash", () => {
    expect(safeReturnPath("/assets?search=beach#top", "/")).toBe("/assets?search=beach#top");
    expect(safeReturnPath("/valet/assets", "/valet/")).toBe("/valet/assets");
    expect(safeReturnPath("/valet", "/valet/")).toBe("/valet");
  });

  it.each([
    ["an absolute URL", "https://evil.example/assets"],
    ["a protocol-relative URL", "//evil.example/assets"],
    ["a backslash host", "/\\evil.example"],
    ["a backslash after the slash", "\\/evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["a relative path", "assets"],
    ["an encoded slash", "/%2F%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a double-encoded slash", "/%252F%252Fevil.example"],
    ["a tab inside", "/\t/evil.example"],
    ["a newline inside", "/\n/evil.example"],
    ["leading whitespace", " /assets"],
    ["a path outside the base", "/elsewhere"],
    ["dot segments that climb out of the base", "/valet/../elsewhere"],
    ["an empty string", ""],
    ["a non-string", { toString: (): string => "/assets" }],
    ["undefined", undefined],
  ])("rejects %s", (_, candidate) => {
    expect(safeReturnPath(candidate, "/valet/")).toBe("/valet/");
  });

  it("rejects dot segments that climb out of the root to another scheme-looking path", () => {
    expect(safeReturnPath("/./\\evil.example", "/")).toBe("/");
  });

  // Each of these resolves to "//evil.example" (or the base followed by it), which the router takes for a host.
  it.each([
    ["a dot segment before a double slash", "/.//evil.example", "/"],
    ["an encoded dot segment", "/%2e//evil.example", "/"],
    ["an encoded dot segment in capitals", "/%2E//evil.example", "/"],
    ["an encoded double-dot segment", "/x/%2E%2e//evil.example", "/"],
    ["a dot segment with a backslash", "/.\\/evil.example", "/"],
    ["a dot segment with an encoded slash", "/./%2Fevil.example", "/"],
    ["a dot segment under the base", "/valet/.//evil.example", "/valet/"],
    ["an encoded dot segment under the base", "/valet/%2e//evil.example?x=1#y", "/valet/"],
    ["an empty segment", "/assets//evil.example", "/"],
  ])("rejects %s", (_, candidate, basePath) => {
    expect(safeReturnPath(candidate, basePath)).toBe(basePath);
  });

  it("normalises harmless dot segments within the base", () => {
    expect(safeReturnPath("/assets/../profile", "/")).toBe("/profile");
  });
});
