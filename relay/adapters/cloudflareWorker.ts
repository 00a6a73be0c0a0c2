// Cloudflare Workers: `main = "relay/adapters/cloudflareWorker.ts"` in wrangler.toml; the VALET_RELAY_* settings are
// the Worker's variables and secrets (`wrangler secret put VALET_RELAY_CLIENT_SECRET`). See docs/deploying.md.
import { createRelay, type Relay } from "../createRelay.ts";
import { relayOptionsFromEnv } from "../relayOptionsFromEnv.ts";

/** A Worker's `env` as far as the relay reads it (plain-text variables and secrets are both strings). */
type WorkerEnv = Record<string, string | undefined>;

// Workers hand `env` to every request rather than at start-up, so the relay is built on the first one and kept.
let relay: Relay | undefined;

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> {
    relay ??= createRelay(relayOptionsFromEnv(env));
    return relay(request);
  },
};
