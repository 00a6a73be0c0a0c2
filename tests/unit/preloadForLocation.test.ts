import { describe, expect, it } from "vitest";
import { USER_STORE_KEY_PREFIX } from "../../src/auth/storageKeys";
import { preloadForLocation } from "../../src/preloadForLocation";

/**
 * Which loaders a page load at `url` (path and query) started, in order (the signed-in page with the path it was
 * given); those it handed back for after the token request follow "tokenRequestSent".
 */
function started(url: string, basePath = "/", storage: Storage = window.localStorage): string[] {
  const { pathname, search } = new URL(url, "https://valet.example");
  const calls: string[] = [];
  const afterTokenRequest = preloadForLocation({ pathname, search }, basePath, storage, {
    authClient: () => calls.push("authClient"),
    callbackPage: () => calls.push("callbackPage"),
    verification: () => calls.push("verification"),
    apiClient: () => calls.push("apiClient"),
    libraryPage: () => calls.push("libraryPage"),
    signedInPage: (path) => calls.push(`signedInPage ${path}`),
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
  it("starts nothing for a signed-out visitor: the start page comes with the entry, and a deep link goes to sign-in", () => {
    expect(started("/")).toEqual([]);
    expect(started("/?q=cats")).toEqual([]);
    expect(started("/assets")).toEqual([]);
  });

  it("starts the auth and API clients and the page at the path when a session is stored", () => {
    withStoredSession((storage) => {
      expect(started("/assets", "/", storage)).toEqual(["authClient", "apiClient", "signedInPage /assets"]);
      expect(started("/assets/a1?tab=2", "/", storage)).toEqual([
        "authClient",
        "apiClient",
        "signedInPage /assets/a1",
      ]);
      expect(started("/", "/", storage)).toEqual(["authClient", "apiClient", "signedInPage /"]);
    });
  });

  it("gives the page's path as the router sees it, under a sub-path base", () => {
    withStoredSession((storage) => {
      expect(started("/valet/lightboxes/l1", "/valet/", storage)).toContain("signedInPage /lightboxes/l1");
      expect(started("/valet", "/valet/", storage)).toContain("signedInPage /");
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
      expect(started("/assets?code=abc", "/", storage)).toEqual([
        "authClient",
        "apiClient",
        "signedInPage /assets",
      ]);
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
