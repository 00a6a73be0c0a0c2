import { configurationMessage, endpointProblem, originProblem } from "./checkRelayOptions.ts";
import type { ClientAuthMethod, RelayOptions } from "./RelayOptions.ts";

/** The environment variables a deployed relay reads, by option. */
export const RELAY_ENV = {
  tokenEndpoint: "VALET_RELAY_TOKEN_ENDPOINT",
  revocationEndpoint: "VALET_RELAY_REVOCATION_ENDPOINT",
  clientId: "VALET_RELAY_CLIENT_ID",
  clientSecret: "VALET_RELAY_CLIENT_SECRET",
  allowedOrigins: "VALET_RELAY_ALLOWED_ORIGINS",
  allowPasswordGrant: "VALET_RELAY_ALLOW_PASSWORD",
  clientAuth: "VALET_RELAY_CLIENT_AUTH",
} as const;

const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ["client_secret_post", "client_secret_basic"];

/**
 * Reads the relay's options from environment variables (`process.env`, a Worker's `env`, `Deno.env.toObject()`).
 * Fails with one message naming every missing or invalid variable; the secret's value is never part of it.
 */
export function relayOptionsFromEnv(env: Record<string, string | undefined>): RelayOptions {
  const problems: string[] = [];
  const read = (name: string): string => (env[name] ?? "").trim();
  const required = (name: string, what: string): string => {
    const value = read(name);
    if (value === "") problems.push(`${name} is not set: ${what}.`);
    return value;
  };
  const endpoint = (name: string, what: string): string => {
    const value = required(name, what);
    const problem = value === "" ? undefined : endpointProblem(value);
    if (problem !== undefined) problems.push(`${name}: ${problem}.`);
    return value;
  };

  const tokenEndpoint = endpoint(RELAY_ENV.tokenEndpoint, "the auth server's token endpoint");
  const revocationEndpoint = endpoint(RELAY_ENV.revocationEndpoint, "the auth server's revocation endpoint");
  const clientId = required(RELAY_ENV.clientId, "the confidential client's id");
  // Checked for presence only: its value is never read into a message.
  const clientSecret = env[RELAY_ENV.clientSecret] ?? "";
  if (clientSecret.trim() === "")
    problems.push(`${RELAY_ENV.clientSecret} is not set: the confidential client's secret.`);

  const allowedOrigins = required(
    RELAY_ENV.allowedOrigins,
    "the origins Valet is served from, comma-separated",
  )
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  if (read(RELAY_ENV.allowedOrigins) !== "" && allowedOrigins.length === 0) {
    problems.push(`${RELAY_ENV.allowedOrigins} names no origin.`);
  }
  for (const origin of allowedOrigins) {
    const problem = originProblem(origin);
    if (problem !== undefined) problems.push(`${RELAY_ENV.allowedOrigins}: ${problem}.`);
  }

  const password = read(RELAY_ENV.allowPasswordGrant);
  if (password !== "" && password !== "true" && password !== "false") {
    problems.push(
      `${RELAY_ENV.allowPasswordGrant} must be "true" or "false" (default false), not "${password}".`,
    );
  }

  const clientAuth = read(RELAY_ENV.clientAuth);
  if (clientAuth !== "" && !(CLIENT_AUTH_METHODS as readonly string[]).includes(clientAuth)) {
    problems.push(
      `${RELAY_ENV.clientAuth} must be ${CLIENT_AUTH_METHODS.join(" or ")}, not "${clientAuth}".`,
    );
  }

  if (problems.length > 0) throw new Error(configurationMessage(problems, clientSecret));
  return {
    tokenEndpoint,
    revocationEndpoint,
    clientId,
    clientSecret,
    allowedOrigins,
    allowPasswordGrant: password === "true",
    ...(clientAuth === "" ? {} : { clientAuth: clientAuth as ClientAuthMethod }),
  };
}
