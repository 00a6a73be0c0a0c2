// `npm run relay`: the token relay as a Node server, configured by the VALET_RELAY_* environment variables.
import { startNodeRelay } from "./node.ts";
import { relayOptionsFromEnv } from "./relayOptionsFromEnv.ts";

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 8787;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`VALET_RELAY_PORT must be a port number 0–65535, not "${value}".`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const env = process.env;
  const options = relayOptionsFromEnv(env);
  const relay = await startNodeRelay({
    ...options,
    host: env["VALET_RELAY_HOST"]?.trim() || "127.0.0.1",
    port: port(env["VALET_RELAY_PORT"]),
  });
  console.log(`
Valet's token relay is listening at ${relay.url}
  POST ${relay.url}/token       -> ${options.tokenEndpoint}
  POST ${relay.url}/revocation  -> ${options.revocationEndpoint}
  Client:           ${options.clientId} (${options.clientAuth ?? "client_secret_post"}; the secret is not shown)
  Allowed origins:  ${options.allowedOrigins.join(", ")}
  Grants:           authorization_code, refresh_token${options.allowPasswordGrant ? ", password" : ""}
Set "tokenRelayUrl" in Valet's config.json to the public URL of this server. Press Ctrl+C to stop.
`);
  const stop = (): void => {
    relay.close().then(
      () => (process.exitCode = 0),
      () => (process.exitCode = 1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
