import { describe, expect, it } from "vitest";
import { USER_STORE_KEY_PREFIX } from "../../src/auth/storageKeys";
import { preloadForLocation, type Preloads } from "../../src/preloadForLocation";

/**
 * Which loaders a page load at `url` (path and query) started, in order; those it handed back for after the token
 * request follow "tokenRequestSent".
 */
function started(
  url: string,
  basePath = "/",
  storage: Storage = window.localStorage,
): (keyof Preloads | "tokenRequestSent")[] {
  const { pathname, search } = new URL(url, "https://valet.example");
  const calls: (keyof Preloads | "tokenRequestSent")[] = [];
  const afterTokenRequest = preloadForLocation({ pathname, search }, basePath, storage, {
    authClient: () => calls.push("authClient"),
    callbackPage: () => calls.push("callbackPage"),
    verification: () => calls.push("verification"),
    apiClient: () => calls.push("apiClient"),
    libraryPage: () => calls.push("libraryPage"),
    startPage: () => calls.push("startPage"),
  });
  if (afterTokenRequest) {
    calls.push("tokenRequestSent");
    afterTokenRequest();
  }
  return calls;
}

/** Runs `check` with a session stored in a storage of its own. */
function withStoredSession(check: (storage: Storage) => void): void {
  const storage = window.sessionStorage;
  storage.setItem(`${USER_STORE_KEY_PREFIX}https://auth.example:valet`, "{}");
  try {
    check(storage);
  } finally {
    storage.clear();
  }
}

describe("preloadForLocation", () => {
  it("starts only the start page for a signed-out visitor there: the first page stays small", () => {
    expect(started("/")).toEqual(["startPage"]);
    expect(started("/?q=cats")).toEqual(["startPage"]);
  });

  it("finds the start page under a sub-path base, with or without its last slash", () => {
    expect(started("/valet/", "/valet/")).toEqual(["startPage"]);
    expect(started("/valet", "/valet/")).toEqual(["startPage"]);
    expect(started("/", "/valet/")).toEqual([]);
  });

  it("starts nothing for a signed-out visitor's deep link, which goes to sign-in", () => {
    expect(started("/assets")).toEqual([]);
  });

  it("starts the auth and API clients when a session is stored", () => {
    withStoredSession((storage) => {
      expect(started("/assets", "/", storage)).toEqual(["authClient", "apiClient"]);
      expect(started("/", "/", storage)).toEqual(["startPage", "authClient", "apiClient"]);
    });
  });

  it("starts the auth client and the id_token's verification code on a sign-in response, and the rest after", () => {
    // The verification is needed the moment the token response arrives. The API client and the library (where
    // sign-in goes on to) are needed only after it, so they load while the token request is on its way rather than
    // compete with it.
    expect(started("/callback?code=abc&state=xyz")).toEqual([
      "authClient",
      "callbackPage",
      "verification",
      "tokenRequestSent",
      "apiClient",
      "libraryPage",
    ]);
  });

  it("treats a code without a state as no sign-in response, also when a session is stored", () => {
    withStoredSession((storage) => {
      expect(started("/assets?code=abc", "/", storage)).toEqual(["authClient", "apiClient"]);
    });
  });

  it("leaves the verification code to idle time when a session is stored: its renewal is minutes away", () => {
    withStoredSession((storage) => {
      expect(started("/assets", "/", storage)).not.toContain("verification");
    });
  });

  it("does not fetch the library for an error response, which shows a problem instead", () => {
    expect(started("/callback?error=access_denied&state=xyz")).toEqual([
      "authClient",
      "callbackPage",
      "apiClient",
    ]);
  });

  it("ignores a code without a state: that is no sign-in response of Valet's", () => {
    expect(started("/callback?code=abc")).toEqual([]);
  });
});
