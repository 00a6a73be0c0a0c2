import { afterEach, describe, expect, it } from "vitest";
import { clearPersonalKeys } from "../../../src/auth/storageKeys";

describe("clearPersonalKeys", () => {
  afterEach(() => window.sessionStorage.clear());

  it("removes what Valet kept for the person, and keeps server facts and other sites' keys", () => {
    const storage = window.sessionStorage;
    storage.setItem("valet.selection", "{}");
    storage.setItem("valet.automaticSignIns", "[]");
    storage.setItem("valet.discovery:https://login.example", "{}");
    storage.setItem("valet.jwks:https://login.example", "{}");
    storage.setItem("other.app", "1");

    clearPersonalKeys(storage);

    expect(Object.keys(storage).sort()).toEqual([
      "other.app",
      "valet.discovery:https://login.example",
      "valet.jwks:https://login.example",
    ]);
  });
});
