// The token relay's runtime-neutral surface. Node's server is in node.ts, the other runtimes' adapters in adapters/.
export { createRelay, type Relay } from "./createRelay.ts";
export type { ClientAuthMethod, RelayOptions } from "./RelayOptions.ts";
export { RELAY_ENV, relayOptionsFromEnv } from "./relayOptionsFromEnv.ts";
