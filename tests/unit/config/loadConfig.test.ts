import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config/ConfigError";
import { loadConfig } from "../../../src/config/loadConfig";
import { stubFetch } from "../helpers";

const URL_ = "http://127.0.0.1:5173/config.json";
const APP = "http://127.0.0.1:5173/";
const validText = JSON.stringify({
  authority: "http://127.0.0.1:4010",
  clientId: "valet",
  apiBaseUrl: "http://127.0.0.1:4020",
  subscriptionKey: "sandbox-subscription-key",
});

async function failure(promise: Promise<unknown>): Promise<ConfigError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("loadConfig", () => {
  it("fetches the file without the HTTP cache and returns the parsed config", async () => {
    const fetchFn = stubFetch(async () => new Response(validText, { status: 200 }));
    const config = await loadConfig(fetchFn, URL_, APP);
    expect(config.clientId).toBe("valet");
    expect(config.redirectUri).toBe("http://127.0.0.1:5173/callback");
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(fetchFn.mock.calls[0]?.[0]).toBe(URL_);
    expect(fetchFn.mock.calls[0]?.[1]).toMatchObject({ cache: "no-store" });
  });

  it("reports an unreachable server as config_unreachable", async () => {
    const cause = new TypeError("Failed to fetch");
    const error = await failure(
      loadConfig(
        stubFetch(() => Promise.reject(cause)),
        URL_,
        APP,
      ),
    );
    expect(error.code).toBe("config_unreachable");
    expect(error.cause).toBe(cause);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.field).toBe("config.json");
    expect(error.issues[0]?.message).toMatch(
      /^could not be fetched from .*config\.json \(Failed to fetch\); check/,
    );
  });

  it("reports a missing file with its status code", async () => {
    const fetchFn = stubFetch(
      async () => new Response("Not Found", { status: 404, statusText: "Not Found" }),
    );
    const error = await failure(loadConfig(fetchFn, URL_, APP));
    expect(error.code).toBe("config_unreachable");
    expect(error.issues[0]).toEqual({
      field: "config.json",
      message: `could not be loaded from ${URL_}: the server answered 404 Not Found; deploy a config.json next to index.html (see public/config.json) and try again`,
    });
  });

  it("reports a file that is not JSON as config_invalid", async () => {
    const fetchFn = stubFetch(async () => new Response('{ "authority": "x", }', { status: 200 }));
    const error = await failure(loadConfig(fetchFn, URL_, APP));
    expect(error.code).toBe("config_invalid");
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.issues[0]?.field).toBe("config.json");
    expect(error.issues[0]?.message).toMatch(/^is not valid JSON: .+; fix its syntax/);
  });

  it("explains an HTML page served in place of a missing file", async () => {
    const fetchFn = stubFetch(async () => new Response("<!doctype html><html></html>", { status: 200 }));
    const error = await failure(loadConfig(fetchFn, URL_, APP));
    expect(error.issues[0]?.message).toMatch(/the server sent an HTML page instead/);
  });

  it("passes on every problem in a file that parses", async () => {
    const fetchFn = stubFetch(
      async () => new Response(JSON.stringify({ clientID: "valet" }), { status: 200 }),
    );
    const error = await failure(loadConfig(fetchFn, URL_, APP));
    expect(error.code).toBe("config_invalid");
    expect(error.issues.map((issue) => issue.field)).toEqual([
      "authority",
      "clientId",
      "apiBaseUrl",
      "subscriptionKey",
      "clientID",
    ]);
  });
});
