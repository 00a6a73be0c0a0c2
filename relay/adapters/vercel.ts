// Vercel Functions: `api/relay/[route].ts` re-exports this file, which serves `/api/relay/token` and
// `/api/relay/revocation`; the VALET_RELAY_* settings are the project's environment variables. See docs/deploying.md.
import { createRelay, type Relay } from "../createRelay.ts";
import { relayOptionsFromEnv } from "../relayOptionsFromEnv.ts";

let relay: Relay | undefined;

function handle(request: Request): Promise<Response> {
  relay ??= createRelay(relayOptionsFromEnv(process.env));
  return relay(request);
}

// Every method goes to the relay, so that the ones it refuses get its clear 405 rather than the platform's.
export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
