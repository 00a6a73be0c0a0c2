import { describe, expect, it, vi } from "vitest";
import { createLazyApiClient, loadApiClientCode } from "../../../src/api/createLazyApiClient";
import { createRequestAuthorizer } from "../../../src/auth/createRequestAuthorizer";
import { envelope } from "../helpers";
import { testAuthorizer } from "../helpers/testApiOptions";

const options = (fetch: typeof globalThis.fetch) => ({
  baseUrl: "https://api.example",
  subscriptionKey: "key",
  apiVersion: "1.0" as const,
  authorizer: testAuthorizer(() => "token"),
  fetch,
});

describe("createLazyApiClient", () => {
  it("loads the client on the first call and answers like it", async () => {
    const fetch = vi.fn(async () => envelope({ id: "u1", userName: "dana" }));
    const api = createLazyApiClient(options(fetch));
    expect(fetch).not.toHaveBeenCalled();
    await expect(api.getCurrentUser()).resolves.toMatchObject({ id: "u1" });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://api.example/users/current");
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer token");
  });

  it("is not a thenable, so awaiting it calls nothing", async () => {
    const fetch = vi.fn(async () => envelope({}));
    const api = createLazyApiClient(options(fetch));
    expect(await Promise.resolve(api)).toBe(api);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("can start loading before the first call, without calling the API", async () => {
    const fetch = vi.fn(async () => envelope({}));
    const api = createLazyApiClient(options(fetch));
    api.preload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("createLazyApiClient, once its code is there", () => {
  it("sends a call's request within the call when the headers are at hand", async () => {
    const fetch = vi.fn(async () => envelope({ id: "u1", userName: "dana" }));
    const api = createLazyApiClient({
      ...options(fetch),
      authorizer: createRequestAuthorizer({ getToken: () => ({ access_token: "token" }) }),
    });
    await loadApiClientCode();
    const answer = api.getCurrentUser();
    // No microtask has run yet: the request left during the call, not after the caller's task.
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(answer).resolves.toMatchObject({ id: "u1" });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer token");
  });

  it("waits for the authorizer when the headers are not at hand (a proof to make), as before", async () => {
    const fetch = vi.fn(async () => envelope({ id: "u1", userName: "dana" }));
    const api = createLazyApiClient({
      ...options(fetch),
      authorizer: createRequestAuthorizer({ getToken: async () => ({ access_token: "token" }) }),
    });
    await loadApiClientCode();
    const answer = api.getCurrentUser();
    expect(fetch).not.toHaveBeenCalled();
    await expect(answer).resolves.toMatchObject({ id: "u1" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("still reports an aborted call as aborted, sending nothing that could be used", async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException("The operation was aborted.", "AbortError");
      return envelope({});
    });
    const api = createLazyApiClient({
      ...options(fetch as unknown as typeof globalThis.fetch),
      authorizer: createRequestAuthorizer({ getToken: () => ({ access_token: "token" }) }),
    });
    await loadApiClientCode();
    const controller = new AbortController();
    controller.abort();
    await expect(api.getCurrentUser(controller.signal)).rejects.toMatchObject({ code: "aborted" });
  });
});
