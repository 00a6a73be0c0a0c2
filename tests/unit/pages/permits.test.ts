import { describe, expect, it } from "vitest";
import { notPermittedMessage, permits } from "../../../src/pages/permits";

describe("permits", () => {
  it("lets the most specific known source decide: the asset's own, then the person's", () => {
    expect(permits("asset:download", ["asset:view"], ["asset:view", "asset:download"])).toBe(false);
    expect(permits("asset:download", undefined, ["asset:view", "asset:download"])).toBe(true);
    expect(permits("asset:download", undefined, ["asset:view"])).toBe(false);
  });

  it("offers the action when nothing is known, leaving MediaValet to decide", () => {
    expect(permits("asset:editMetadata", undefined, undefined)).toBe(true);
  });

  it("says what the account may not do and names the permission", () => {
    expect(notPermittedMessage("asset:editKeywords")).toBe(
      "Your MediaValet account may not change this asset's keywords (it lacks the asset:editKeywords permission). Ask your MediaValet administrator if you need to.",
    );
  });
});
