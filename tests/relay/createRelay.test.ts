import { describe, expect, it } from "vitest";
import { createRelay } from "../../relay/createRelay";
import {
  APP_ORIGIN,
  CLIENT_ID,
  CLIENT_SECRET,
  CODE_EXCHANGE,
  REFRESH,
  RELAY_URL,
  REVOCATION_ENDPOINT,
  TOKEN_ENDPOINT,
  TOKENS,
  json,
  relayOptions,
  stubUpstream,
  valetRequest,
} from "./helpers/stubUpstream";

function setUp(overrides: Parameters<typeof relayOptions>[1] = {}) {
  const upstream = stubUpstream();
  return { upstream, relay: createRelay(relayOptions(upstream, overrides)) };
}

/** Every refusal is an OAuth-style JSON error with a readable description, never cached. */
async function expectRefusal(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = await json(response);
  expect(body).toEqual({ error, error_description: expect.any(String) });
  return body["error_description"] as string;
}

describe("createRelay: forwarding Valet's requests", () => {
  it("forwards a code exchange to the token endpoint with the secret added in the body", async () => {
    const { upstream, relay } = setUp();

    const response = await relay(valetRequest("token", CODE_EXCHANGE));

    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(TOKENS);
    expect(upstream.received).toHaveLength(1);
    const [sent] = upstream.received;
    expect(sent?.url).toBe(TOKEN_ENDPOINT);
    expect(sent?.method).toBe("POST");
    expect(sent?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(sent?.form ?? [])).toEqual({ ...CODE_EXCHANGE, client_secret: CLIENT_SECRET });
    expect(sent?.headers.has("authorization")).toBe(false);
  });

  it("forwards a refresh to the token endpoint", async () => {
    const { upstream, relay } = setUp();

    expect((await relay(valetRequest("token", REFRESH))).status).toBe(200);
    expect(upstream.received[0]?.form.get("refresh_token")).toBe("rt1");
    expect(upstream.received[0]?.form.get("client_secret")).toBe(CLIENT_SECRET);
  });

  it("forwards a revocation to the revocation endpoint", async () => {
    const { upstream, relay } = setUp();
    upstream.answer(() => new Response(null, { status: 200 }));

    const response = await relay(
      valetRequest("revocation", { client_id: CLIENT_ID, token: "rt1", token_type_hint: "refresh_token" }),
    );

    expect(response.status).toBe(200);
    // An empty success (RFC 7009) becomes `{}`, which oidc-client-ts reads as JSON.
    expect(await json(response)).toEqual({});
    expect(upstream.received[0]?.url).toBe(REVOCATION_ENDPOINT);
    expect(Object.fromEntries(upstream.received[0]?.form ?? [])).toEqual({
      client_id: CLIENT_ID,
      token: "rt1",
      token_type_hint: "refresh_token",
      client_secret: CLIENT_SECRET,
    });
  });

  it("works under any mount path: only the last segment of the path counts", async () => {
    const { upstream, relay } = setUp();
    for (const url of [
      "https://valet.example.com/token",
      "https://valet.example.com/.netlify/functions/relay/token",
      "https://relay.example.com/api/relay/token?ignored=1",
    ]) {
      const response = await relay(new Request(url, valetRequest("token", REFRESH)));
      expect(response.status, url).toBe(200);
    }
    expect(upstream.received.map((sent) => sent.url)).toEqual([
      TOKEN_ENDPOINT,
      TOKEN_ENDPOINT,
      TOKEN_ENDPOINT,
    ]);
  });

  it("authenticates with Basic instead when clientAuth is client_secret_basic", async () => {
    const { upstream, relay } = setUp({ clientAuth: "client_secret_basic" });

    await relay(valetRequest("token", REFRESH));

    const [sent] = upstream.received;
    expect(sent?.headers.get("authorization")).toBe(`Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`);
    expect(sent?.form.has("client_secret")).toBe(false);
    expect(sent?.form.get("client_id")).toBe(CLIENT_ID);
  });

  it("form-encodes id and secret before Base64 for Basic (RFC 6749 §2.3.1)", async () => {
    const { upstream, relay } = setUp({ clientAuth: "client_secret_basic", clientSecret: "a b:c%" });

    await relay(valetRequest("token", REFRESH));

    expect(upstream.received[0]?.headers.get("authorization")).toBe(
      `Basic ${btoa(`${CLIENT_ID}:a+b%3Ac%25`)}`,
    );
  });

  it("strips the client authentication the caller sends and adds its own", async () => {
    const { upstream, relay } = setUp();

    await relay(
      valetRequest(
        "token",
        {
          ...REFRESH,
          client_secret: "guessed",
          client_assertion: "forged.jwt",
          client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        },
        { headers: { Authorization: "Basic Zm9yZ2VkOmZvcmdlZA==" } },
      ),
    );

    const [sent] = upstream.received;
    expect(sent?.headers.has("authorization")).toBe(false);
    expect(sent?.form.getAll("client_secret")).toEqual([CLIENT_SECRET]);
    expect(sent?.form.has("client_assertion")).toBe(false);
    expect(sent?.form.has("client_assertion_type")).toBe(false);
  });

  it("forwards no cookies or other headers of the caller", async () => {
    const { upstream, relay } = setUp();

    await relay(
      valetRequest("token", REFRESH, {
        headers: {
          Cookie: "session=abc",
          "X-Forwarded-For": "10.0.0.1",
          DPoP: "proof",
          "User-Agent": "test",
        },
      }),
    );

    const names: string[] = [];
    upstream.received[0]?.headers.forEach((_value, name) => names.push(name));
    expect(names.sort()).toEqual(["accept", "content-type"]);
  });

  it("does not follow redirects from the upstream", async () => {
    const { upstream, relay } = setUp();
    await relay(valetRequest("token", REFRESH));
    expect(upstream.received[0]?.redirect).toBe("manual");
  });

  it("passes the upstream's status and JSON error back", async () => {
    const { upstream, relay } = setUp();
    const error = { error: "invalid_grant", error_description: "grant request is invalid" };
    upstream.answer(() => Response.json(error, { status: 400, headers: { "Set-Cookie": "upstream=1" } }));

    const response = await relay(valetRequest("token", REFRESH));

    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(error);
    expect(response.headers.has("set-cookie")).toBe(false);
  });

  it("answers with no-store, no-cache, CORS for the app's origin and Vary: Origin", async () => {
    const { relay } = setUp();

    const response = await relay(valetRequest("token", REFRESH));

    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(response.headers.get("vary")).toBe("Origin");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("createRelay: preflights", () => {
  it("answers a preflight from the app's origin: POST with Content-Type only", async () => {
    const { upstream, relay } = setUp();

    const response = await relay(
      new Request(`${RELAY_URL}/token`, {
        method: "OPTIONS",
        headers: {
          Origin: APP_ORIGIN,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      }),
    );

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("Content-Type");
    expect(response.headers.get("vary")).toBe("Origin");
    expect(upstream.received).toEqual([]);
  });

  it("refuses a preflight from another origin, without CORS headers", async () => {
    const { relay } = setUp();

    const response = await relay(
      new Request(`${RELAY_URL}/revocation`, {
        method: "OPTIONS",
        headers: { Origin: "https://evil.example" },
      }),
    );

    await expectRefusal(response, 403, "invalid_request");
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
  });
});

describe("createRelay: what it refuses, before anything reaches the auth server", () => {
  it("refuses other paths with 404", async () => {
    const { upstream, relay } = setUp();
    for (const path of ["authorize", "token/", "tokens", "userinfo", "connect/token/x"]) {
      const response = await relay(valetRequest(path, REFRESH));
      const description = await expectRefusal(response, 404, "invalid_request");
      expect(description).toContain("/token");
    }
    expect(upstream.received).toEqual([]);
  });

  it("refuses other methods with 405 and says which are allowed", async () => {
    const { upstream, relay } = setUp();
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await relay(valetRequest("token", REFRESH, { method }));
      const description = await expectRefusal(response, 405, "invalid_request");
      expect(description).toContain(method);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    }
    expect(upstream.received).toEqual([]);
  });

  it("refuses other origins with 403 and sends them no CORS headers", async () => {
    const { upstream, relay } = setUp();

    const response = await relay(valetRequest("token", REFRESH, { origin: "https://evil.example" }));

    const description = await expectRefusal(response, 403, "invalid_request");
    expect(description).toContain("https://evil.example");
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
    expect(upstream.received).toEqual([]);
  });

  it("refuses a request with no Origin header, and the origin null", async () => {
    const { upstream, relay } = setUp();

    await expectRefusal(
      await relay(valetRequest("token", REFRESH, { origin: null })),
      403,
      "invalid_request",
    );
    await expectRefusal(
      await relay(valetRequest("token", REFRESH, { origin: "null" })),
      403,
      "invalid_request",
    );
    expect(upstream.received).toEqual([]);
  });

  it("refuses a body that is not a form with 415", async () => {
    const { upstream, relay } = setUp();
    const request = new Request(`${RELAY_URL}/token`, {
      method: "POST",
      headers: { Origin: APP_ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify(REFRESH),
    });

    await expectRefusal(await relay(request), 415, "invalid_request");
    expect(upstream.received).toEqual([]);
  });

  it("accepts a form content type with a charset parameter", async () => {
    const { relay } = setUp();
    const response = await relay(
      valetRequest("token", REFRESH, {
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
      }),
    );
    expect(response.status).toBe(200);
  });

  it("refuses a body over the limit with 413", async () => {
    const { upstream, relay } = setUp({ maxBodyBytes: 256 });

    const response = await relay(valetRequest("token", { ...REFRESH, refresh_token: "x".repeat(300) }));

    const description = await expectRefusal(response, 413, "invalid_request");
    expect(description).toContain("256 bytes");
    expect(upstream.received).toEqual([]);
  });

  it("counts the bytes as they arrive, so a body that understates its Content-Length is refused too", async () => {
    const { upstream, relay } = setUp({ maxBodyBytes: 256 });
    const chunk = new TextEncoder().encode(
      new URLSearchParams({ ...REFRESH, padding: "x".repeat(100) }).toString(),
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit, in small pieces: the relay must stop reading, not buffer it all.
        if (sent++ < 1000) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(`${RELAY_URL}/token`, {
      method: "POST",
      headers: {
        Origin: APP_ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": "10",
      },
      body,
      duplex: "half",
    } as RequestInit);

    await expectRefusal(await relay(request), 413, "invalid_request");
    expect(sent).toBeLessThan(10);
    expect(upstream.received).toEqual([]);
  });

  it("refuses a request without a client_id, or for another client, with invalid_client", async () => {
    const { upstream, relay } = setUp();
    const withoutClient = { grant_type: REFRESH.grant_type, refresh_token: REFRESH.refresh_token };

    await expectRefusal(await relay(valetRequest("token", withoutClient)), 400, "invalid_client");
    const other = await relay(valetRequest("token", { ...REFRESH, client_id: "sandbox-integration" }));
    const description = await expectRefusal(other, 400, "invalid_client");
    expect(description).toContain(CLIENT_ID);
    await expectRefusal(
      await relay(valetRequest("revocation", { client_id: "someone-else", token: "rt1" })),
      400,
      "invalid_client",
    );
    expect(upstream.received).toEqual([]);
  });

  it("refuses client_credentials, even with the app's Origin forged, and never forwards it", async () => {
    const { upstream, relay } = setUp({ allowPasswordGrant: true });

    const response = await relay(
      valetRequest("token", { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "api" }),
    );

    const description = await expectRefusal(response, 400, "unsupported_grant_type");
    expect(description).toContain("client_credentials");
    expect(upstream.received).toEqual([]);
  });

  it("refuses every grant but Valet's", async () => {
    const { upstream, relay } = setUp();
    for (const grant of [
      "client_credentials",
      "password",
      "urn:ietf:params:oauth:grant-type:token-exchange",
      "urn:ietf:params:oauth:grant-type:device_code",
      "urn:ietf:params:oauth:grant-type:jwt-bearer",
      "implicit",
      "",
    ]) {
      const response = await relay(valetRequest("token", { grant_type: grant, client_id: CLIENT_ID }));
      await expectRefusal(response, 400, "unsupported_grant_type");
    }
    await expectRefusal(await relay(valetRequest("token", { client_id: CLIENT_ID })), 400, "invalid_request");
    expect(upstream.received).toEqual([]);
  });

  it("forwards the password grant only when allowPasswordGrant is on", async () => {
    const password = { grant_type: "password", client_id: CLIENT_ID, username: "demo", password: "pw" };
    const off = setUp();
    await expectRefusal(await off.relay(valetRequest("token", password)), 400, "unsupported_grant_type");
    expect(off.upstream.received).toEqual([]);

    const on = setUp({ allowPasswordGrant: true });
    expect((await on.relay(valetRequest("token", password))).status).toBe(200);
    expect(on.upstream.received[0]?.form.get("grant_type")).toBe("password");
    expect(on.upstream.received[0]?.form.get("client_secret")).toBe(CLIENT_SECRET);
  });

  it("refuses a parameter sent twice, so a second grant_type cannot slip past the check", async () => {
    const { upstream, relay } = setUp();
    const request = new Request(`${RELAY_URL}/token`, {
      method: "POST",
      headers: { Origin: APP_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: `grant_type=refresh_token&client_id=${CLIENT_ID}&refresh_token=rt1&grant_type=client_credentials`,
    });

    const description = await expectRefusal(await relay(request), 400, "invalid_request");
    expect(description).toContain("grant_type");
    expect(upstream.received).toEqual([]);
  });

  it("gives refusals CORS headers for the app's origin, so Valet can read them", async () => {
    const { relay } = setUp();
    const response = await relay(
      valetRequest("token", { grant_type: "client_credentials", client_id: CLIENT_ID }),
    );
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
  });
});

describe("createRelay: when the auth server fails", () => {
  it("answers 502 saying the auth server could not be reached when it is down", async () => {
    const { upstream, relay } = setUp();
    upstream.answer(() => Promise.reject(new TypeError("fetch failed")));

    const response = await relay(valetRequest("token", REFRESH));

    const description = await expectRefusal(response, 502, "temporarily_unavailable");
    expect(description).toContain("could not reach the auth server");
    expect(description).toContain("https://login.example.com");
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
  });

  it("answers 502 when the auth server answers something other than JSON", async () => {
    const { upstream, relay } = setUp();
    upstream.answer(() => new Response("<html>Not Found</html>", { status: 404 }));

    const description = await expectRefusal(await relay(valetRequest("token", REFRESH)), 502, "server_error");
    expect(description).toContain("other than JSON");
  });

  it("answers 502 when the auth server redirects", async () => {
    const { upstream, relay } = setUp();
    upstream.answer(
      () => new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } }),
    );

    await expectRefusal(await relay(valetRequest("token", REFRESH)), 502, "server_error");
  });

  it("never echoes the secret, even when the auth server repeats the request back", async () => {
    const { upstream, relay } = setUp();
    upstream.answer(() =>
      Response.json({ error: "invalid_request", error_description: `got ${CLIENT_SECRET}` }),
    );

    const response = await relay(valetRequest("token", REFRESH));

    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(CLIENT_SECRET);
  });
});

describe("createRelay: options", () => {
  const valid = () => relayOptions(stubUpstream());

  it("refuses unusable options at once, naming each problem", () => {
    expect(() =>
      createRelay({
        ...valid(),
        tokenEndpoint: "http://login.example.com/connect/token",
        revocationEndpoint: "not a url",
        clientId: "",
        allowedOrigins: ["https://valet.example.com/"],
        maxBodyBytes: 0,
      }),
    ).toThrowError(
      /tokenEndpoint .*https[\s\S]*revocationEndpoint[\s\S]*clientId[\s\S]*allowedOrigins[\s\S]*maxBodyBytes/,
    );
  });

  it("accepts http endpoints and origins on loopback only", () => {
    expect(() =>
      createRelay({
        ...valid(),
        tokenEndpoint: "http://127.0.0.1:4010/connect/token",
        revocationEndpoint: "http://localhost:4010/connect/revocation",
        allowedOrigins: ["http://127.0.0.1:5173", "http://[::1]:5173"],
      }),
    ).not.toThrow();
    expect(() => createRelay({ ...valid(), allowedOrigins: ["http://valet.example.com"] })).toThrowError(
      /https/,
    );
  });

  it("never puts the secret in its error message", () => {
    const attempt = () =>
      createRelay({
        ...valid(),
        clientId: "",
        tokenEndpoint: `http://${CLIENT_SECRET}.example/connect/token`,
      });
    expect(attempt).toThrowError(/clientId[\s\S]*tokenEndpoint|tokenEndpoint[\s\S]*clientId/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(CLIENT_SECRET);
    }
  });
});
