import { afterEach, describe, expect, it, vi } from "vitest";
import { APP_ORIGIN, CLIENT_ID, REFRESH } from "./helpers/stubUpstream";

/**
 * Each adapter, given the VALET_RELAY_* environment its runtime provides, must hand requests to the relay. The relay
 * here points at a closed loopback port, so a request it forwards ends in its "could not reach" 502, and a request it
 * refuses shows that the adapter's relay applies the rules.
 */
const ENV = {
  VALET_RELAY_TOKEN_ENDPOINT: "http://127.0.0.1:9/connect/token",
  VALET_RELAY_REVOCATION_ENDPOINT: "http://127.0.0.1:9/connect/revocation",
  VALET_RELAY_CLIENT_ID: CLIENT_ID,
  VALET_RELAY_CLIENT_SECRET: "adapter-secret",
  VALET_RELAY_ALLOWED_ORIGINS: APP_ORIGIN,
};

function request(path: string, grant: Record<string, string> = REFRESH): Request {
  return new Request(`https://valet.example.com${path}`, {
    method: "POST",
    headers: { Origin: APP_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(grant),
  });
}

async function expectRelayed(response: Response): Promise<void> {
  expect(response.status).toBe(502);
  expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: "unsupported_grant_type" });
}

const clientCredentials = { grant_type: "client_credentials", client_id: CLIENT_ID };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

function stubProcessEnv(): void {
  for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
}

describe("relay adapters", () => {
  it("Cloudflare Worker: default export { fetch(request, env) }", async () => {
    const worker = (await import("../../relay/adapters/cloudflareWorker")).default;
    await expectRelayed(await worker.fetch(request("/relay/token"), ENV));
    await expectRefused(await worker.fetch(request("/relay/token", clientCredentials), ENV));
  });

  it("Netlify function: default export (request) with config.path under /relay", async () => {
    stubProcessEnv();
    const netlify = await import("../../relay/adapters/netlify");
    expect(netlify.config.path).toEqual(["/relay/token", "/relay/revocation"]);
    await expectRelayed(await netlify.default(request("/relay/token")));
    await expectRefused(await netlify.default(request("/relay/token", clientCredentials)));
  });

  it("Vercel function: every method exported, POST and OPTIONS answered by the relay", async () => {
    stubProcessEnv();
    const vercel = await import("../../relay/adapters/vercel");
    await expectRelayed(await vercel.POST(request("/api/relay/token")));
    const preflight = await vercel.OPTIONS(
      new Request("https://valet.example.com/api/relay/revocation", {
        method: "OPTIONS",
        headers: { Origin: APP_ORIGIN },
      }),
    );
    expect(preflight.status).toBe(204);
    expect((await vercel.GET(new Request("https://valet.example.com/api/relay/token"))).status).toBe(405);
  });

  it("Deno: Deno.serve with the relay, on the host and port from the environment", async () => {
    let served: {
      options: { hostname?: string; port?: number };
      handler: (request: Request) => Promise<Response>;
    };
    vi.stubGlobal("Deno", {
      env: { toObject: () => ({ ...ENV, VALET_RELAY_PORT: "9090" }) },
      serve: (
        options: { hostname?: string; port?: number },
        handler: (request: Request) => Promise<Response>,
      ) => {
        served = { options, handler };
      },
    });
    await import("../../relay/adapters/deno");
    expect(served!.options).toEqual({ hostname: "127.0.0.1", port: 9090 });
    await expectRelayed(await served!.handler(request("/token")));
    await expectRefused(await served!.handler(request("/token", clientCredentials)));
  });
});
