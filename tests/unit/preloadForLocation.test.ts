import { describe, expect, it } from "vitest";
import { USER_STORE_KEY_PREFIX } from "../../src/auth/storageKeys";
import { preloadForLocation, type Preloads } from "../../src/preloadForLocation";

/** Which loaders a page load started, in order. */
function started(search: string, storage: Storage = window.localStorage): (keyof Preloads)[] {
  const calls: (keyof Preloads)[] = [];
  preloadForLocation(search, storage, {
    authClient: () => calls.push("authClient"),
    apiClient: () => calls.push("apiClient"),
    libraryPage: () => calls.push("libraryPage"),
  });
  return calls;
}

describe("preloadForLocation", () => {
  it("starts nothing for a signed-out visitor's start page: its first page stays small", () => {
    expect(started("")).toEqual([]);
    expect(started("?q=cats")).toEqual([]);
  });

  it("starts the auth and API clients when a session is stored", () => {
    const storage = window.sessionStorage;
    storage.setItem(`${USER_STORE_KEY_PREFIX}https://auth.example:valet`, "{}");
    try {
      expect(started("", storage)).toEqual(["authClient", "apiClient"]);
    } finally {
      storage.clear();
    }
  });

  it("starts the library page as well on a sign-in response: where a sign-in from the start page goes", () => {
    expect(started("?code=abc&state=xyz")).toEqual(["authClient", "apiClient", "libraryPage"]);
  });

  it("does not fetch the library for an error response, which shows a problem instead", () => {
    expect(started("?error=access_denied&state=xyz")).toEqual(["authClient", "apiClient"]);
  });

  it("ignores a code without a state: that is no sign-in response of Valet's", () => {
    expect(started("?code=abc")).toEqual([]);
  });
});
