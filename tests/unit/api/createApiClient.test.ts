import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { createApiClient } from "../../../src/api/createApiClient";
import type { ApiClientOptions, RejectedRequest } from "../../../src/api/createApiClient";
import { envelope, stubFetch } from "../helpers";
import { testAuthorizer } from "../helpers/testApiOptions";

const BASE = "https://api.example.com";

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
}

interface ClientOptions extends Partial<ApiClientOptions> {
  /** The token source behind the app's request authorizer (see testAuthorizer). */
  getAccessToken?: () => string | undefined | Promise<string | undefined>;
  renewAccessToken?: () => Promise<string | undefined>;
}

function client(fetchFn: typeof fetch, options: ClientOptions = {}) {
  const { getAccessToken, renewAccessToken, ...rest } = options;
  return createApiClient({
    baseUrl: `${BASE}/`,
    subscriptionKey: "sub-key",
    apiVersion: "1.2",
    authorizer: testAuthorizer(getAccessToken, renewAccessToken),
    fetch: fetchFn,
    ...rest,
  });
}

function headersOf(fetchFn: ReturnType<typeof stubFetch>, call = 0): Headers {
  return new Headers(fetchFn.mock.calls[call]?.[1]?.headers);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const asset = {
  id: "a1",
  title: "Harbour",
  description: "",
  altText: "",
  status: 0,
  media: { type: "Image", thumb: "https://blob.example.com/thumb.jpg" },
  file: { fileName: "harbour.jpg", fileType: "JPG", sizeInBytes: 1234 },
  keywords: ["sea"],
  categories: ["c1"],
  record: { createdAt: "2026-01-01T00:00:00Z" },
  attributes: {},
};

afterEach(() => {
  vi.useRealTimers();
});

describe("createApiClient", () => {
  describe("requests", () => {
    it("sends the bearer token, the subscription key, the API version and Accept", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      await client(fetchFn).request("/categories");
      const headers = headersOf(fetchFn);
      expect(headers.get("Authorization")).toBe("Bearer token-1");
      expect(headers.get("Ocp-Apim-Subscription-Key")).toBe("sub-key");
      expect(headers.get("x-mv-api-version")).toBe("1.2");
      expect(headers.get("Accept")).toBe("application/json");
      expect(fetchFn.mock.calls[0]?.[0]).toBe(`${BASE}/categories`);
    });

    it("sends no body and no Content-Type on a GET, and never sends cookies", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      await client(fetchFn).request("/categories");
      const init = fetchFn.mock.calls[0]?.[1];
      expect(init?.method).toBe("GET");
      expect(init?.body).toBeUndefined();
      expect(init?.credentials).toBe("omit");
      expect(headersOf(fetchFn).has("Content-Type")).toBe(false);
    });

    it("sends a body as JSON with its content type", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      const patch = [{ op: "replace", path: "/title", value: "New" }];
      await client(fetchFn).request("/assets/a1", {
        method: "PATCH",
        body: patch,
        contentType: "application/json-patch+json",
      });
      expect(fetchFn.mock.calls[0]?.[1]?.body).toBe(JSON.stringify(patch));
      expect(headersOf(fetchFn).get("Content-Type")).toBe("application/json-patch+json");

      await client(fetchFn).request("/assets/search", { method: "POST", body: { search: "sea" } });
      expect(headersOf(fetchFn, 1).get("Content-Type")).toBe("application/json");
    });

    it("sends a string body as is when the content type is not JSON", async () => {
      const fetchFn = stubFetch(() => new Response(null, { status: 202 }));
      await client(fetchFn).request("/keywords", { method: "POST", body: "sea", contentType: "text/plain" });
      expect(fetchFn.mock.calls[0]?.[1]?.body).toBe("sea");
    });

    it("encodes query values and leaves out undefined and empty ones", async () => {
      const fetchFn = stubFetch(() => envelope({ assets: [] }));
      await client(fetchFn).request("/assets", {
        query: { search: 'title:"a & b"', count: 20, offset: undefined, filters: "" },
      });
      expect(fetchFn.mock.calls[0]?.[0]).toBe(`${BASE}/assets?search=title%3A%22a%20%26%20b%22&count=20`);
    });

    it("path-encodes ids", async () => {
      const fetchFn = stubFetch(() => envelope(asset));
      await client(fetchFn).getAsset("a/b?c#d");
      expect(fetchFn.mock.calls[0]?.[0]).toBe(`${BASE}/assets/a%2Fb%3Fc%23d`);
    });

    it.each([".", "..", "%2e", "%2E", ".%2e", "%2e%2e", "..%2f", "%2e%2e%2f"])(
      "never lets the id %j become a dot segment the URL parser resolves",
      async (id) => {
        const fetchFn = stubFetch(() => envelope(asset));
        const outcome: unknown = await client(fetchFn)
          .getAsset(id)
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        if (fetchFn.mock.calls.length === 0) {
          // Refused before sending: "." and ".." cannot be sent as one segment at all.
          expect(outcome).toBeInstanceOf(ApiError);
          expect((outcome as ApiError).code).toBe("not_found");
          return;
        }
        // Sent: the URL as fetch will parse it still names this asset, as one segment.
        const { pathname } = new URL(String(fetchFn.mock.calls[0]?.[0]));
        expect(pathname).toMatch(/^\/assets\/[^/]+$/);
        expect(decodeURIComponent(pathname.slice("/assets/".length))).toBe(id);
      },
    );

    it("refuses a path with a dot segment before sending anything", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      for (const path of ["/assets/../users/current", "/assets/%2E%2e/x", "/./categories"]) {
        expect((await failure(client(fetchFn).request(path))).code).toBe("not_found");
      }
      expect(fetchFn).not.toHaveBeenCalled();
    });

    it("refuses to follow a redirect, which would carry the token elsewhere", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      await client(fetchFn).request("/categories");
      expect(fetchFn.mock.calls[0]?.[1]?.redirect).toBe("error");
    });

    it("waits for an asynchronous token source", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      await client(fetchFn, { getAccessToken: async () => "async-token" }).request("/categories");
      expect(headersOf(fetchFn).get("Authorization")).toBe("Bearer async-token");
    });
  });

  describe("responses", () => {
    it("unwraps the envelope", async () => {
      const fetchFn = stubFetch(() =>
        envelope([{ id: "c1" }], {
          // A version unlike any the client sends, so that passing it through is what the test sees.
          apiVersion: "2022.6.17.1",
          recordCount: { totalRecordsFound: 1, startingRecord: 1, recordsReturned: 1 },
        }),
      );
      const result = await client(fetchFn).request<{ id: string }[]>("/categories");
      expect(result.payload).toEqual([{ id: "c1" }]);
      expect(result.apiVersion).toBe("2022.6.17.1");
      expect(result.recordCount?.totalRecordsFound).toBe(1);
    });

    it("tolerates the PascalCase envelope of MediaValet's documentation", async () => {
      const fetchFn = stubFetch(() =>
        json({
          ApiVersion: "1.0.0.0",
          Meta: { Warnings: [], Errors: [] },
          RecordCount: { TotalRecordsFound: 7, StartingRecord: 1, RecordsReturned: 1 },
          Payload: { Assets: [asset], AssetCount: 7 },
        }),
      );
      const page = await client(fetchFn).listAssets({});
      expect(page).toEqual({ assets: [asset], total: 7, offset: 0, count: 1 });
    });

    it("gets the current user", async () => {
      const user = {
        id: "u1",
        userName: "ada",
        firstName: "Ada",
        lastName: "L",
        emailAddress: "ada@example.com",
      };
      const fetchFn = stubFetch(() => envelope(user));
      expect(await client(fetchFn).getCurrentUser()).toEqual(user);
      expect(fetchFn.mock.calls[0]?.[0]).toBe(`${BASE}/users/current`);
    });

    it("gets one asset", async () => {
      const fetchFn = stubFetch(() => envelope(asset));
      expect(await client(fetchFn).getAsset("a1")).toEqual(asset);
    });

    it("lists assets as a page, with the total from the record count", async () => {
      const fetchFn = stubFetch(() =>
        envelope(
          { assetCount: 99, assets: [asset] },
          { recordCount: { totalRecordsFound: 120, startingRecord: 41, recordsReturned: 1 } },
        ),
      );
      const page = await client(fetchFn).listAssets({ search: "sea", count: 20, offset: 40 });
      expect(fetchFn.mock.calls[0]?.[0]).toBe(`${BASE}/assets?search=sea&count=20&offset=40`);
      expect(page).toEqual({ assets: [asset], total: 120, offset: 40, count: 1 });
    });

    it("falls back to the payload's assetCount when there is no record count", async () => {
      const fetchFn = stubFetch(() => envelope({ assetCount: 12, assets: [asset] }));
      expect((await client(fetchFn).listAssets({})).total).toBe(12);
    });

    it("treats an empty 204 as success without a payload", async () => {
      const fetchFn = stubFetch(() => new Response(null, { status: 204 }));
      expect((await client(fetchFn).request("/keywords/x", { method: "DELETE" })).payload).toBeUndefined();
    });

    it.each([
      ["a body that is not JSON", () => new Response("<html>oops</html>", { status: 200 })],
      ["JSON without an envelope", () => json({ id: "a1" })],
      ["an empty 200", () => new Response("", { status: 200 })],
    ])("reports %s as bad_response", async (_name, answer) => {
      const error = await failure(client(stubFetch(answer)).request("/categories"));
      expect(error.code).toBe("bad_response");
    });

    it("reports a listing without assets as bad_response", async () => {
      const error = await failure(client(stubFetch(() => envelope({}))).listAssets({}));
      expect(error.code).toBe("bad_response");
    });
  });

  describe("failures", () => {
    it.each([
      [403, "forbidden"],
      [404, "not_found"],
      [429, "throttled"],
      [500, "server_error"],
      [503, "server_error"],
      [400, "request_failed"],
      [409, "request_failed"],
    ])("maps status %i to %s", async (status, code) => {
      const error = await failure(client(stubFetch(() => new Response("", { status }))).request("/assets"));
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.message).not.toBe("");
    });

    it("maps 401 to unauthorized when no renewal is available", async () => {
      const error = await failure(
        client(stubFetch(() => new Response("", { status: 401 }))).request("/assets"),
      );
      expect(error.code).toBe("unauthorized");
      expect(error.status).toBe(401);
    });

    it("uses the gateway's words for a missing subscription key, and does not renew for it", async () => {
      const message =
        "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";
      const renewAccessToken = vi.fn(async () => "token-2");
      const fetchFn = stubFetch(() => json({ statusCode: 401, message }, { status: 401 }));
      const error = await failure(client(fetchFn, { renewAccessToken }).request("/assets"));
      expect(error.code).toBe("unauthorized");
      expect(error.message).toBe(message);
      expect(renewAccessToken).not.toHaveBeenCalled();
      expect(fetchFn).toHaveBeenCalledTimes(1);
    });

    it("names the refused action on a 403, and adds the envelope's first error message", async () => {
      const fetchFn = stubFetch(() =>
        json(
          { payload: null, errors: [{ code: "NoAccess", message: "No access to category c1" }] },
          { status: 403 },
        ),
      );
      const error = await failure(client(fetchFn).request("/categories/c1", { action: "see this category" }));
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe(
        "You are not allowed to see this category in MediaValet (403). MediaValet said: No access to category c1",
      );
    });

    it("never puts the token or the subscription key in a message", async () => {
      for (const status of [400, 401, 403, 404, 429, 500]) {
        const error = await failure(client(stubFetch(() => new Response("", { status }))).request("/assets"));
        expect(error.message).not.toContain("token-1");
        expect(error.message).not.toContain("sub-key");
      }
    });

    it("reads Retry-After in seconds on a 429", async () => {
      const fetchFn = stubFetch(() => new Response("", { status: 429, headers: { "Retry-After": "20" } }));
      const error = await failure(client(fetchFn).request("/assets"));
      expect(error.code).toBe("throttled");
      expect(error.retryAfterSeconds).toBe(20);
      expect(error.message).toContain("20 seconds");
    });

    it("reads Retry-After as an HTTP date on a 429", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2026-08-13T12:00:00Z"));
      const fetchFn = stubFetch(
        () => new Response("", { status: 429, headers: { "Retry-After": "Thu, 13 Aug 2026 12:01:00 GMT" } }),
      );
      const error = await failure(client(fetchFn).request("/assets"));
      expect(error.retryAfterSeconds).toBe(60);
    });

    it("waits out a short Retry-After once, then answers with the retried request", async () => {
      vi.useFakeTimers();
      const answers = [
        new Response("", { status: 429, headers: { "Retry-After": "2" } }),
        envelope({ ok: true }),
      ];
      const fetchFn = stubFetch(() => answers.shift() ?? new Response("", { status: 500 }));
      const result = client(fetchFn).request("/assets");
      await vi.advanceTimersByTimeAsync(1_900);
      expect(fetchFn).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(200);
      await expect(result).resolves.toMatchObject({ payload: { ok: true } });
      expect(fetchFn).toHaveBeenCalledTimes(2);
    });

    it("retries a throttled request only once", async () => {
      vi.useFakeTimers();
      const fetchFn = stubFetch(() => new Response("", { status: 429, headers: { "Retry-After": "1" } }));
      const result = failure(client(fetchFn).request("/assets"));
      await vi.advanceTimersByTimeAsync(5_000);
      expect((await result).code).toBe("throttled");
      expect(fetchFn).toHaveBeenCalledTimes(2);
    });

    it("stops waiting out a 429 when the request is aborted", async () => {
      vi.useFakeTimers();
      const controller = new AbortController();
      const fetchFn = stubFetch(() => new Response("", { status: 429, headers: { "Retry-After": "5" } }));
      const result = failure(client(fetchFn).request("/assets", { signal: controller.signal }));
      await vi.advanceTimersByTimeAsync(1_000);
      controller.abort();
      expect((await result).code).toBe("aborted");
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fetchFn).toHaveBeenCalledTimes(1);
    });

    it("leaves retryAfterSeconds out when the 429 does not say", async () => {
      const error = await failure(
        client(stubFetch(() => new Response("", { status: 429 }))).request("/assets"),
      );
      expect(error.retryAfterSeconds).toBeUndefined();
    });

    it("reports a fetch that fails as network_error", async () => {
      const cause = new TypeError("Failed to fetch");
      const fetchFn = vi.fn<typeof fetch>(() => Promise.reject(cause));
      const error = await failure(client(fetchFn).request("/assets"));
      expect(error.code).toBe("network_error");
      expect(error.cause).toBe(cause);
      expect(error.message).toContain(BASE);
    });

    it("reports an abort as aborted and does not retry it", async () => {
      const controller = new AbortController();
      const renewAccessToken = vi.fn(async () => "token-2");
      const fetchFn = vi.fn<typeof fetch>(
        (_input, init) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
          }),
      );
      const pending = client(fetchFn, { renewAccessToken }).request("/assets", { signal: controller.signal });
      await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1));
      controller.abort();
      const error = await failure(pending);
      expect(error.code).toBe("aborted");
      expect(fetchFn).toHaveBeenCalledTimes(1);
      expect(renewAccessToken).not.toHaveBeenCalled();
    });

    it("reports an abort with a custom reason as aborted", async () => {
      const controller = new AbortController();
      const fetchFn = vi.fn<typeof fetch>(
        (_input, init) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
          }),
      );
      const pending = client(fetchFn).getAsset("a1", controller.signal);
      await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1));
      controller.abort(new Error("page left"));
      expect((await failure(pending)).code).toBe("aborted");
    });

    it("does not call fetch for a request aborted before it started", async () => {
      const fetchFn = stubFetch(() => envelope({}));
      const error = await failure(client(fetchFn).request("/assets", { signal: AbortSignal.abort() }));
      expect(error.code).toBe("aborted");
      expect(fetchFn).not.toHaveBeenCalled();
    });
  });

  describe("the request authorizer", () => {
    it("is asked for each request's headers, with its method and whole URL, and they are sent", async () => {
      const authorize = vi.fn(async () => ({ Authorization: "DPoP bound-token", DPoP: "proof-1" }));
      const fetchFn = stubFetch(() => envelope({}));
      await client(fetchFn, { authorizer: { authorize } }).request("/assets/a1", {
        method: "PATCH",
        query: { x: 1 },
        body: [],
      });
      expect(authorize).toHaveBeenCalledWith({ method: "PATCH", url: `${BASE}/assets/a1?x=1` });
      expect(headersOf(fetchFn).get("Authorization")).toBe("DPoP bound-token");
      expect(headersOf(fetchFn).get("DPoP")).toBe("proof-1");
      expect(headersOf(fetchFn).get("Ocp-Apim-Subscription-Key")).toBe("sub-key");
    });

    it("gets what was sent and the 401's headers, then authorizes the retry anew", async () => {
      let proofs = 0;
      const authorize = vi.fn(async () => ({ Authorization: "DPoP t", DPoP: `proof-${++proofs}` }));
      const renew = vi.fn(async (_rejected: RejectedRequest) => true);
      const answers = [
        new Response("", {
          status: 401,
          headers: { "WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": "n-1" },
        }),
        envelope({}),
      ];
      const fetchFn = stubFetch(() => answers.shift() ?? new Response("", { status: 500 }));
      await client(fetchFn, { authorizer: { authorize, renew } }).request("/assets");

      expect(renew).toHaveBeenCalledTimes(1);
      const rejected = renew.mock.calls[0]?.[0];
      expect(rejected?.method).toBe("GET");
      expect(rejected?.url).toBe(`${BASE}/assets`);
      expect(rejected?.headers).toEqual({ Authorization: "DPoP t", DPoP: "proof-1" });
      expect(rejected?.answer.get("DPoP-Nonce")).toBe("n-1");
      expect(headersOf(fetchFn, 1).get("DPoP")).toBe("proof-2");
    });

    it("fails the request as renewal_failed when the authorizer cannot make a retry worthwhile", async () => {
      const fetchFn = stubFetch(() => new Response("", { status: 401 }));
      const authorizer = { authorize: async () => ({ Authorization: "Bearer t" }), renew: async () => false };
      expect((await failure(client(fetchFn, { authorizer }).request("/assets"))).code).toBe("renewal_failed");
      expect(fetchFn).toHaveBeenCalledTimes(1);
    });

    it("authorizes the retry after a 429 anew, since a DPoP proof is good for one request", async () => {
      vi.useFakeTimers();
      let proofs = 0;
      const authorize = vi.fn(async () => ({ Authorization: "DPoP t", DPoP: `proof-${++proofs}` }));
      const answers = [new Response("", { status: 429, headers: { "Retry-After": "1" } }), envelope({})];
      const fetchFn = stubFetch(() => answers.shift() ?? new Response("", { status: 500 }));
      const result = client(fetchFn, { authorizer: { authorize } }).request("/assets");
      await vi.advanceTimersByTimeAsync(1_100);
      await result;
      expect(headersOf(fetchFn, 0).get("DPoP")).toBe("proof-1");
      expect(headersOf(fetchFn, 1).get("DPoP")).toBe("proof-2");
    });
  });

  describe("sign-in", () => {
    it.each([
      ["undefined", () => undefined],
      ["an empty string", () => ""],
      ["a rejection", () => Promise.reject(new Error("no user"))],
    ])(
      "ends the session without calling fetch when the token source gives %s",
      async (_name, getAccessToken) => {
        const fetchFn = stubFetch(() => envelope({}));
        const error = await failure(client(fetchFn, { getAccessToken }).request("/assets"));
        expect(error.code).toBe("session_ended");
        expect(fetchFn).not.toHaveBeenCalled();
      },
    );

    it("renews once for two concurrent 401s, then retries both with the new token", async () => {
      let token = "expired";
      let finishRenewal: (value: string) => void = () => {};
      const renewAccessToken = vi.fn(
        () =>
          new Promise<string>((resolve) => {
            finishRenewal = (value) => {
              token = value;
              resolve(value);
            };
          }),
      );
      const fetchFn = stubFetch((url, init) =>
        new Headers(init.headers).get("Authorization") === "Bearer fresh"
          ? envelope({ url })
          : new Response("", { status: 401 }),
      );
      const api = client(fetchFn, { getAccessToken: () => token, renewAccessToken });

      const first = api.request<{ url: string }>("/assets/a1");
      const second = api.request<{ url: string }>("/assets/a2");
      await vi.waitFor(() => expect(renewAccessToken).toHaveBeenCalledTimes(1));
      await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(2));
      finishRenewal("fresh");

      expect((await first).payload.url).toBe(`${BASE}/assets/a1`);
      expect((await second).payload.url).toBe(`${BASE}/assets/a2`);
      expect(renewAccessToken).toHaveBeenCalledTimes(1);
      expect(fetchFn).toHaveBeenCalledTimes(4);
      expect(headersOf(fetchFn, 2).get("Authorization")).toBe("Bearer fresh");
      expect(headersOf(fetchFn, 3).get("Authorization")).toBe("Bearer fresh");
    });

    it("does not renew again for a 401 that arrives after a renewal has already replaced its token", async () => {
      let token = "expired";
      const renewAccessToken = vi.fn(async () => {
        token = "fresh";
        return token;
      });
      let releaseLate401: () => void = () => {};
      const late401 = new Promise<void>((resolve) => {
        releaseLate401 = resolve;
      });
      const fetchFn = stubFetch(async (url, init) => {
        if (new Headers(init.headers).get("Authorization") === "Bearer fresh") return envelope({});
        if (url.endsWith("/slow")) await late401;
        return new Response("", { status: 401 });
      });
      const api = client(fetchFn, { getAccessToken: () => token, renewAccessToken });

      const slow = api.request("/slow");
      await api.request("/fast");
      releaseLate401();
      await slow;
      expect(renewAccessToken).toHaveBeenCalledTimes(1);
      expect(fetchFn).toHaveBeenCalledTimes(4);
    });

    it("says 'not allowed, or a session problem' when a freshly renewed token is refused again", async () => {
      // API version 1.0 answers a missing permission with 401: the renewal worked, so the session is not over.
      const renewAccessToken = vi.fn(async () => "token-2");
      const fetchFn = stubFetch(() => new Response("", { status: 401 }));
      const error = await failure(
        client(fetchFn, { renewAccessToken, apiVersion: "1.0" }).request("/assets/a1", {
          method: "PATCH",
          body: [],
          action: "change this asset",
        }),
      );
      expect(error.code).toBe("not_allowed_or_session");
      expect(error.status).toBe(401);
      expect(error.message).toMatch(/refused to let you change this asset/);
      expect(error.message).toMatch(/not allowed/);
      expect(error.message).toMatch(/problem with your session/);
      expect(renewAccessToken).toHaveBeenCalledTimes(1);
      expect(fetchFn).toHaveBeenCalledTimes(2);
    });

    it.each([
      ["fails", () => Promise.reject(new Error("refresh token expired"))],
      ["gives no token", () => Promise.resolve(undefined)],
    ])(
      "fails the request as renewal_failed, without a retry, when renewal %s",
      async (_name, renewAccessToken) => {
        const fetchFn = stubFetch(() => new Response("", { status: 401 }));
        const error = await failure(client(fetchFn, { renewAccessToken }).request("/assets"));
        expect(error.code).toBe("renewal_failed");
        expect(fetchFn).toHaveBeenCalledTimes(1);
      },
    );

    it("renews again for a later expiry once the first renewal has finished", async () => {
      let token = "t0";
      let renewals = 0;
      const renewAccessToken = vi.fn(async () => {
        renewals += 1;
        token = `t${renewals}`;
        return token;
      });
      // Every token works exactly once, so each request after the first meets an expired one.
      const used = new Set<string>();
      const fetchFn = stubFetch((_url, init) => {
        const auth = new Headers(init.headers).get("Authorization") ?? "";
        if (used.has(auth)) return new Response("", { status: 401 });
        used.add(auth);
        return envelope({});
      });
      const api = client(fetchFn, { getAccessToken: () => token, renewAccessToken });
      await api.request("/assets");
      await api.request("/assets");
      await api.request("/assets");
      expect(renewAccessToken).toHaveBeenCalledTimes(2);
    });
  });
});
