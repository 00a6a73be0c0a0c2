// Netlify Functions (v2): `netlify/functions/relay.ts` re-exports this file; the VALET_RELAY_* settings are the
// site's environment variables, scoped to Functions. See docs/deploying.md.
import { createRelay, type Relay } from "../createRelay.ts";
import { relayOptionsFromEnv } from "../relayOptionsFromEnv.ts";

let relay: Relay | undefined;

export default async (request: Request): Promise<Response> => {
  relay ??= createRelay(relayOptionsFromEnv(process.env));
  return relay(request);
};

/** Served at `/relay/token` and `/relay/revocation` of the site: set Valet's `tokenRelayUrl` to "/relay"'s URL. */
export const config = { path: ["/relay/token", "/relay/revocation"] };
