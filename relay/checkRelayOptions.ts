import { isLoopbackHostname } from "./isLoopbackHostname.ts";
import { RELAY_DEFAULTS, type RelayOptions } from "./RelayOptions.ts";

/** The options as the relay uses them: defaults filled in, origins normalised. */
export interface CheckedRelayOptions {
  tokenEndpoint: URL;
  revocationEndpoint: URL;
  clientId: string;
  clientSecret: string;
  allowedOrigins: ReadonlySet<string>;
  allowPasswordGrant: boolean;
  clientAuth: NonNullable<RelayOptions["clientAuth"]>;
  maxBodyBytes: number;
  fetch: typeof fetch;
}

/** Why an endpoint URL cannot be used, or undefined when it can: https, or http on this machine only. */
export function endpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopbackHostname(url.hostname)) return undefined;
  return `"${value}" must be an https URL (http only on a loopback address such as 127.0.0.1)`;
}

/** Why an allowed origin cannot be used, or undefined when it can. */
export function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an origin`;
  }
  if (url.origin !== value)
    return `"${value}" must be an origin like "${url.origin}" (no path, no trailing slash)`;
  return endpointProblem(value);
}

/**
 * One message for every problem found. Should a secret have been pasted into another setting, it is blanked out.
 */
export function configurationMessage(problems: readonly string[], clientSecret: string): string {
  const message = `The token relay is not configured correctly:\n- ${problems.join("\n- ")}`;
  return clientSecret.trim() === "" ? message : message.replaceAll(clientSecret, "[the client secret]");
}

/**
 * Checks every option and fails with one message that names each problem. The secret's value never appears in it.
 */
export function checkRelayOptions(options: RelayOptions): CheckedRelayOptions {
  const problems: string[] = [];
  const endpoint = (name: string, value: string): URL => {
    const problem = endpointProblem(value);
    if (problem !== undefined) problems.push(`${name} ${problem}.`);
    return problem === undefined ? new URL(value) : new URL("https://invalid.invalid/");
  };
  const tokenEndpoint = endpoint("tokenEndpoint", options.tokenEndpoint);
  const revocationEndpoint = endpoint("revocationEndpoint", options.revocationEndpoint);
  if (options.clientId === "") problems.push("clientId must not be empty.");
  if (options.clientSecret === "") problems.push("clientSecret must not be empty.");
  if (options.allowedOrigins.length === 0)
    problems.push("allowedOrigins must name the origin Valet is served from.");
  for (const origin of options.allowedOrigins) {
    const problem = originProblem(origin);
    if (problem !== undefined) problems.push(`allowedOrigins: ${problem}.`);
  }
  const clientAuth = options.clientAuth ?? RELAY_DEFAULTS.clientAuth;
  if (clientAuth !== "client_secret_post" && clientAuth !== "client_secret_basic") {
    problems.push(
      `clientAuth must be "client_secret_post" or "client_secret_basic", not "${String(clientAuth)}".`,
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? RELAY_DEFAULTS.maxBodyBytes;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    problems.push(`maxBodyBytes must be a positive whole number of bytes, not ${maxBodyBytes}.`);
  }
  if (problems.length > 0) throw new Error(configurationMessage(problems, options.clientSecret));

  return {
    tokenEndpoint,
    revocationEndpoint,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    allowedOrigins: new Set(options.allowedOrigins),
    allowPasswordGrant: options.allowPasswordGrant,
    clientAuth,
    maxBodyBytes,
    // Bound so a runtime's fetch is never called with the options object as `this` (Workers reject that).
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  };
}
