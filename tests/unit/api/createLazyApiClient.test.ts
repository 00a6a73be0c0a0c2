import { describe, expect, it, vi } from "vitest";
import { createLazyApiClient } from "../../../src/api/createLazyApiClient";
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
