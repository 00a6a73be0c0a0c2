import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/startSandbox";
import { readDoctorTarget } from "../../scripts/doctor/readDoctorTarget";
import { runDoctor } from "../../scripts/doctor/runDoctor";

const ORIGIN = "http://127.0.0.1:4173";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ authPort: 0, apiPort: 0, appOrigins: [ORIGIN] });
});
afterAll(() => sandbox.close());

function doctor(overrides: Record<string, unknown>) {
  return runDoctor(
    readDoctorTarget(
      {
        authority: sandbox.authUrl,
        clientId: "valet",
        apiBaseUrl: sandbox.apiUrl,
        subscriptionKey: sandbox.subscriptionKey,
        apiVersion: "1.2",
        redirectUri: `${ORIGIN}/callback`,
        ...overrides,
      },
      undefined,
    ),
  );
}

describe("the doctor's DPoP check", () => {
  it("passes against the sandbox with dpop: true: ES256 proofs, the DPoP header allowed, a DPoP challenge", async () => {
    const result = (await doctor({ dpop: true })).find((candidate) => candidate.id === "dpop");
    expect(result?.status).toBe("pass");
  });

  it("warns when the API answers a DPoP request with a Bearer challenge only", async () => {
    const results = await runDoctor(
      readDoctorTarget(
        {
          authority: sandbox.authUrl,
          clientId: "valet",
          apiBaseUrl: sandbox.apiUrl,
          subscriptionKey: sandbox.subscriptionKey,
          redirectUri: `${ORIGIN}/callback`,
          dpop: true,
        },
        undefined,
      ),
      {
        // The sandbox's API as a bearer-only API would answer: same status, a Bearer challenge.
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const dpopRequest = new Headers(init?.headers).get("Authorization")?.startsWith("DPoP") === true;
          if (!dpopRequest || init?.method === "OPTIONS") return response;
          const headers = new Headers(response.headers);
          headers.set("WWW-Authenticate", 'Bearer error="invalid_token"');
          return new Response(await response.text(), { status: response.status, headers });
        },
      },
    );
    const result = results.find((candidate) => candidate.id === "dpop");
    expect(result?.status).toBe("warn");
  });

  it("is left out when DPoP is off", async () => {
    expect((await doctor({})).map((result) => result.id)).not.toContain("dpop");
  });
});
