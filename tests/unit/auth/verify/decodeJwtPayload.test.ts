import { describe, expect, it } from "vitest";
import { decodeJwtPayload } from "../../../../src/auth/verify/decodeJwtPayload";

function encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, "")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

describe("decodeJwtPayload", () => {
  it("reads the claims, names with accents included", () => {
    const jwt = `${encode({ alg: "RS256" })}.${encode({ sub: "u1", name: "Zoë Müller", exp: 10 })}.sig`;
    expect(decodeJwtPayload(jwt)).toEqual({ sub: "u1", name: "Zoë Müller", exp: 10 });
  });

  it("gives undefined for anything that is not a JWT with an object of claims", () => {
    expect(decodeJwtPayload("opaque-token")).toBeUndefined();
    expect(decodeJwtPayload("a.!!!.c")).toBeUndefined();
    expect(decodeJwtPayload(`h.${encode(42)}.s`)).toBeUndefined();
  });
});
