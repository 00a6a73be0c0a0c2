import { describe, expect, it } from "vitest";
import { matchesPath } from "../../src/routes";

describe("matchesPath", () => {
  it("matches fixed segments exactly, with or without a last slash", () => {
    expect(matchesPath("/assets", "/assets")).toBe(true);
    expect(matchesPath("/assets", "/assets/")).toBe(true);
    expect(matchesPath("/assets", "/asset")).toBe(false);
    expect(matchesPath("/assets", "/assets/a1")).toBe(false);
    expect(matchesPath("/assets", "/")).toBe(false);
  });

  it("matches a parameter to one non-empty segment", () => {
    expect(matchesPath("/assets/:id", "/assets/a1")).toBe(true);
    expect(matchesPath("/assets/:id", "/assets/a%20b")).toBe(true);
    expect(matchesPath("/assets/:id", "/assets")).toBe(false);
    expect(matchesPath("/assets/:id", "/assets/a1/more")).toBe(false);
  });

  it("lets an optional parameter be absent", () => {
    expect(matchesPath("/categories/:id?", "/categories")).toBe(true);
    expect(matchesPath("/categories/:id?", "/categories/c1")).toBe(true);
    expect(matchesPath("/categories/:id?", "/categories/c1/x")).toBe(false);
  });
});
