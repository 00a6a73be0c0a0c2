import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN, apiHeaders } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

function preflight(url: string, origin: string, method = "GET"): Promise<Response> {
  return fetch(url, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": method,
      "Access-Control-Request-Headers": "authorization,ocp-apim-subscription-key,x-mv-api-version",
    },
  });
}

describe("CORS on the API", () => {
  const sandbox = useSandbox();

  it("answers a preflight from the app's origin", async () => {
    const response = await preflight(`${sandbox().apiUrl}/assets`, TEST_APP_ORIGIN);

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const header of ["authorization", "ocp-apim-subscription-key", "x-mv-api-version", "content-type"]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get("access-control-allow-methods")).toMatch(/GET.*POST.*PATCH.*DELETE/);
  });

  it("gives another origin no CORS headers", async () => {
    const response = await preflight(`${sandbox().apiUrl}/assets`, "http://evil.example");

    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the app read error responses and their WWW-Authenticate and Retry-After headers", async () => {
    const response = await fetch(`${sandbox().apiUrl}/assets`, {
      headers: { ...apiHeaders(sandbox()), Origin: TEST_APP_ORIGIN },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toMatch(/Retry-After.*WWW-Authenticate/);
  });
});

describe("CORS on the auth server", () => {
  const sandbox = useSandbox();

  it("answers a preflight for the token endpoint from the app's origin", async () => {
    const response = await preflight(`${sandbox().authUrl}/connect/token`, TEST_APP_ORIGIN, "POST");

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
  });
});
