import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startNodeRelay, type NodeRelay } from "../../relay/node";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../../sandbox/auth/clients";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import type { CheckId, CheckResult } from "../../scripts/doctor/CheckResult";
import { readDoctorTarget } from "../../scripts/doctor/readDoctorTarget";
import { runDoctor, type DoctorOptions } from "../../scripts/doctor/runDoctor";
import {
  closedPort,
  startDegradingProxy,
  startSilentServer,
  type Degradation,
  type DegradingProxy,
} from "./degradingProxy";

const ORIGIN = "http://127.0.0.1:4173";
const CORS_ADVICE = `Ask MediaValet Support to add ${ORIGIN} to the client's allowed CORS origins.`;

let sandbox: Sandbox;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ authPort: 0, apiPort: 0, appOrigins: [ORIGIN] });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function track<T extends { close(): Promise<void> }>(server: T): T {
  closers.push(() => server.close());
  return server;
}

/** Valet's config.json for the sandbox (or whatever stands in front of it). */
function configFor(authority: string, apiBaseUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    authority,
    clientId: "valet",
    apiBaseUrl,
    subscriptionKey: sandbox.subscriptionKey,
    apiVersion: "1.2",
    redirectUri: `${ORIGIN}/callback`,
    ...overrides,
  };
}

function doctor(raw: unknown, options?: DoctorOptions): Promise<CheckResult[]> {
  return runDoctor(readDoctorTarget(raw, undefined), options);
}

const withStatus = (results: CheckResult[], status: CheckResult["status"]): CheckId[] =>
  results.filter((result) => result.status === status).map((result) => result.id);

function resultOf(results: CheckResult[], id: CheckId): CheckResult {
  const result = results.find((candidate) => candidate.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

function adviceOf(results: CheckResult[], id: CheckId): string {
  const result = resultOf(results, id);
  return result.status === "fail" || result.status === "warn" ? result.advice : "";
}

describe("the doctor against the sandbox", () => {
  it("passes every check from an origin the sandbox serves", async () => {
    const results = await doctor(configFor(sandbox.authUrl, sandbox.apiUrl));

    expect(results.filter((result) => result.status !== "pass")).toEqual([]);
    expect(results.map((result) => result.id)).toContain("api-version");
    expect(results.map((result) => result.id)).not.toContain("cors-relay");
  });

  it("warns, and fails nothing, when config.json asks for an API version before 1.2", async () => {
    const results = await doctor(configFor(sandbox.authUrl, sandbox.apiUrl, { apiVersion: "1.0" }));

    expect(withStatus(results, "fail")).toEqual([]);
    expect(withStatus(results, "warn")).toEqual(["api-version"]);
    expect(adviceOf(results, "api-version")).toContain('Set "apiVersion": "1.2" in config.json');
  });

  it("fails the subscription key check when the gateway rejects the key", async () => {
    const results = await doctor(
      configFor(sandbox.authUrl, sandbox.apiUrl, { subscriptionKey: "not-the-key" }),
    );

    expect(withStatus(results, "fail")).toEqual(["api-key"]);
    expect(resultOf(results, "api-key").detail).toContain("invalid subscription key");
    expect(adviceOf(results, "api-key")).toContain('Check "subscriptionKey" in config.json');
  });

  it("fails the client check for a client id the auth server does not know", async () => {
    const results = await doctor(configFor(sandbox.authUrl, sandbox.apiUrl, { clientId: "no-such-client" }));

    expect(withStatus(results, "fail")).toEqual(["client"]);
    expect(resultOf(results, "client").detail).toContain("invalid_client");
    expect(adviceOf(results, "client")).toContain('Check "clientId" in config.json');
  });

  it("fails the client check for a confidential client used without the relay", async () => {
    const results = await doctor(
      configFor(sandbox.authUrl, sandbox.apiUrl, { clientId: CONFIDENTIAL_CLIENT_ID }),
    );

    expect(withStatus(results, "fail")).toEqual(["client"]);
    expect(adviceOf(results, "client")).toContain('set "tokenRelayUrl"');
  });
});

describe("the doctor with a token relay", () => {
  async function relayFor(options: { secret?: string; allowedOrigin?: string }): Promise<NodeRelay> {
    return track(
      await startNodeRelay({
        tokenEndpoint: `${sandbox.authUrl}/connect/token`,
        revocationEndpoint: `${sandbox.authUrl}/connect/revocation`,
        clientId: CONFIDENTIAL_CLIENT_ID,
        clientSecret: options.secret ?? CONFIDENTIAL_CLIENT_SECRET,
        allowedOrigins: [options.allowedOrigin ?? ORIGIN],
        allowPasswordGrant: false,
      }),
    );
  }
  const relayConfig = (relay: NodeRelay) =>
    configFor(sandbox.authUrl, sandbox.apiUrl, {
      clientId: CONFIDENTIAL_CLIENT_ID,
      tokenRelayUrl: relay.url,
    });

  it("passes the relay's CORS and the client check through the relay", async () => {
    const results = await doctor(relayConfig(await relayFor({})));

    expect(results.filter((result) => result.status !== "pass")).toEqual([]);
    expect(resultOf(results, "cors-relay").status).toBe("pass");
    expect(resultOf(results, "client").detail).toContain("relay's client credentials are accepted");
  });

  it("fails the relay's CORS when the relay serves another origin", async () => {
    const results = await doctor(relayConfig(await relayFor({ allowedOrigin: "https://other.example" })));

    expect(withStatus(results, "fail")).toContain("cors-relay");
    expect(adviceOf(results, "cors-relay")).toContain(`Set the relay's allowed app origin to ${ORIGIN}`);
  });

  it("fails the client check when the relay holds the wrong secret", async () => {
    const results = await doctor(relayConfig(await relayFor({ secret: "not-the-secret" })));

    expect(withStatus(results, "fail")).toEqual(["client"]);
    expect(adviceOf(results, "client")).toContain("relay's environment");
  });
});

interface DegradedCase {
  name: string;
  auth?: Degradation;
  api?: Degradation;
  fails: CheckId;
  advice: string;
}

const stripAllowOrigin =
  (method: string, path: string | RegExp) =>
  (request: { method: string; path: string }, headers: Headers): void => {
    const pathMatches = typeof path === "string" ? request.path === path : path.test(request.path);
    if (request.method === method && pathMatches) headers.delete("access-control-allow-origin");
  };

const CASES: DegradedCase[] = [
  {
    name: "discovery names another issuer",
    auth: { discovery: (document) => ({ ...document, issuer: "https://elsewhere.example" }) },
    fails: "issuer",
    advice: 'set "issuer": "https://elsewhere.example" in config.json',
  },
  {
    name: "discovery offers PKCE without S256",
    auth: { discovery: (document) => ({ ...document, code_challenge_methods_supported: ["plain"] }) },
    fails: "pkce",
    advice: "Ask MediaValet Support to enable PKCE with S256",
  },
  {
    name: "discovery does not promise the iss parameter",
    auth: {
      discovery: ({ authorization_response_iss_parameter_supported: _, ...document }) => document,
    },
    fails: "iss-parameter",
    advice: 'Ask MediaValet Support to send "iss" in the authorization response',
  },
  {
    name: "discovery names an http endpoint on another host",
    auth: {
      discovery: (document) => ({
        ...document,
        end_session_endpoint: "http://login.example.com/connect/endsession",
      }),
    },
    fails: "https-endpoints",
    advice: "Ask MediaValet Support to publish https URLs for end_session_endpoint",
  },
  {
    name: "discovery lacks the refresh_token grant",
    auth: { discovery: (document) => ({ ...document, grant_types_supported: ["authorization_code"] }) },
    fails: "grants",
    advice: 'allow the refresh_token grant for client "valet"',
  },
  {
    name: "discovery has no revocation endpoint",
    auth: { discovery: ({ revocation_endpoint: _, ...document }) => document },
    fails: "logout-endpoints",
    advice: "Ask MediaValet Support to publish revocation_endpoint",
  },
  {
    name: "discovery carries no CORS headers",
    auth: { headers: stripAllowOrigin("GET", "/.well-known/openid-configuration") },
    fails: "cors-discovery",
    advice: CORS_ADVICE,
  },
  {
    name: "the JWKS carries no CORS headers",
    auth: { headers: stripAllowOrigin("GET", "/.well-known/openid-configuration/jwks") },
    fails: "cors-jwks",
    advice: CORS_ADVICE,
  },
  {
    name: "the token endpoint's preflight carries no CORS headers",
    auth: { headers: stripAllowOrigin("OPTIONS", "/connect/token") },
    fails: "cors-token",
    advice: CORS_ADVICE,
  },
  {
    name: "the token endpoint's answers carry no CORS headers",
    auth: { headers: stripAllowOrigin("POST", "/connect/token") },
    fails: "client",
    advice: CORS_ADVICE,
  },
  {
    name: "the API's preflight drops x-mv-api-version from the allowed headers",
    api: {
      headers: (request, headers) => {
        if (request.method !== "OPTIONS" || request.path !== "/assets/search") return;
        headers.set("access-control-allow-headers", "Authorization, Ocp-Apim-Subscription-Key, Content-Type");
      },
    },
    fails: "cors-api-search",
    advice: `Ask MediaValet Support to allow the header x-mv-api-version from ${ORIGIN} in the API's CORS policy`,
  },
  {
    name: "the API's preflight for PATCH leaves PATCH out",
    api: {
      headers: (request, headers) => {
        if (request.method === "OPTIONS" && request.path.startsWith("/assets/0000")) {
          headers.set("access-control-allow-methods", "GET, POST");
        }
      },
    },
    fails: "cors-api-patch",
    advice: "the method PATCH",
  },
  {
    name: "the API's answers carry no CORS headers",
    api: { headers: stripAllowOrigin("GET", "/users/current") },
    fails: "cors-api-response",
    advice: "Access-Control-Allow-Origin on every status, 401 included",
  },
];

describe("the doctor against a sandbox degraded to fail one check", () => {
  async function proxied(auth: Degradation = {}, api: Degradation = {}) {
    const authProxy: DegradingProxy = track(await startDegradingProxy(sandbox.authUrl, auth));
    const apiProxy: DegradingProxy = track(await startDegradingProxy(sandbox.apiUrl, api));
    return configFor(authProxy.url, apiProxy.url);
  }

  it("passes every check through proxies that degrade nothing", async () => {
    const results = await doctor(await proxied());

    expect(results.filter((result) => result.status !== "pass")).toEqual([]);
  });

  it.each(CASES)("when $name, fails $fails alone and says what to do", async (degraded) => {
    const results = await doctor(await proxied(degraded.auth, degraded.api));

    expect(withStatus(results, "fail")).toEqual([degraded.fails]);
    expect(adviceOf(results, degraded.fails)).toContain(degraded.advice);
  });

  it("when the auth server is down, fails discovery with the reason and skips what needs it", async () => {
    const port = await closedPort();
    const results = await doctor(configFor(`http://127.0.0.1:${port}`, sandbox.apiUrl));

    expect(withStatus(results, "fail")).toEqual(["discovery"]);
    expect(resultOf(results, "discovery").detail).toMatch(/could not reach .*ECONNREFUSED/);
    expect(withStatus(results, "skip")).toEqual([
      "issuer",
      "pkce",
      "iss-parameter",
      "https-endpoints",
      "response-type",
      "grants",
      "logout-endpoints",
      "cors-discovery",
      "cors-jwks",
      "cors-token",
      "client",
    ]);
    expect(adviceOf(results, "discovery")).toContain(`Check that this machine can reach 127.0.0.1:${port}`);
  });

  it("when the API is down, fails every API check and nothing else", async () => {
    const port = await closedPort();
    const results = await doctor(configFor(sandbox.authUrl, `http://127.0.0.1:${port}`));

    expect(withStatus(results, "fail")).toEqual([
      "cors-api-search",
      "cors-api-patch",
      "api-key",
      "cors-api-response",
      "api-version",
    ]);
  });

  it("when the auth server never answers, fails discovery after the timeout instead of hanging", async () => {
    const silent = track(await startSilentServer());
    const results = await doctor(configFor(silent.url, sandbox.apiUrl), { timeoutMs: 300 });

    expect(withStatus(results, "fail")).toEqual(["discovery"]);
    expect(resultOf(results, "discovery").detail).toBe(
      `no answer from ${silent.url}/.well-known/openid-configuration within 0.3 s`,
    );
  });
});
