// Deno and Deno Deploy: `deno run --allow-net --allow-env relay/adapters/deno.ts`, or this file as the entry point
// of a Deno Deploy project; the VALET_RELAY_* settings are environment variables. See docs/deploying.md.
import { createRelay } from "../createRelay.ts";
import { relayOptionsFromEnv } from "../relayOptionsFromEnv.ts";

/** The little of Deno's global that this file uses, declared here so that Node's type check passes without Deno's. */
interface DenoRuntime {
  env: { toObject(): Record<string, string> };
  serve(
    options: { hostname?: string; port?: number },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
}
declare const Deno: DenoRuntime;

const env = Deno.env.toObject();
const relay = createRelay(relayOptionsFromEnv(env));
const port = Number(env["VALET_RELAY_PORT"] ?? "8787");
Deno.serve({ hostname: env["VALET_RELAY_HOST"] ?? "127.0.0.1", port }, relay);
