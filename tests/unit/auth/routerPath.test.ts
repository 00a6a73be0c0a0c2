import { describe, expect, it } from "vitest";
import { toFullPath, toRouterPath } from "../../../src/auth/routerPath";

describe("routerPath", () => {
  it("leaves paths alone at the root base", () => {
    expect(toFullPath("/assets?search=beach", "/")).toBe("/assets?search=beach");
    expect(toRouterPath("/assets?search=beach", "/")).toBe("/assets?search=beach");
  });

  it("adds and removes a sub-path base", () => {
    expect(toFullPath("/assets?search=beach", "/valet/")).toBe("/valet/assets?search=beach");
    expect(toRouterPath("/valet/assets?search=beach", "/valet/")).toBe("/assets?search=beach");
    expect(toRouterPath("/valet/", "/valet/")).toBe("/");
    expect(toRouterPath("/valet", "/valet/")).toBe("/");
  });

  it("sends a path outside the base to the start", () => {
    expect(toRouterPath("/elsewhere", "/valet/")).toBe("/");
    expect(toRouterPath("/valetry", "/valet/")).toBe("/");
  });
});
