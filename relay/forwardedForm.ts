import type { CheckedRelayOptions } from "./checkRelayOptions.ts";
import { RelayRefusal } from "./RelayRefusal.ts";
import type { RelayRoute } from "./relayRoute.ts";

/** The grants Valet uses. Every other one would hand the confidential client's tokens to whoever asks. */
const VALET_GRANTS = ["authorization_code", "refresh_token"] as const;

/** Body parameters by which a caller could authenticate as some client; the relay drops them and adds its own. */
function isClientAuthentication(name: string): boolean {
  return name === "client_secret" || name.startsWith("client_assertion");
}

/**
 * Checks a form the browser sent and returns the one to forward: the same parameters minus any client
 * authentication, with the relay's secret added when it authenticates in the body. Refuses what Valet never sends.
 */
export function forwardedForm(
  route: RelayRoute,
  received: URLSearchParams,
  options: CheckedRelayOptions,
): URLSearchParams {
  const seen = new Set<string>();
  for (const name of received.keys()) {
    // RFC 6749 §3.2: no parameter twice. A second grant_type could otherwise differ from the one checked here.
    if (seen.has(name))
      throw new RelayRefusal(400, "invalid_request", `The parameter "${name}" appears twice.`);
    seen.add(name);
  }

  const clientId = received.get("client_id");
  if (clientId === null) throw new RelayRefusal(400, "invalid_client", "The request names no client_id.");
  if (clientId !== options.clientId) {
    throw new RelayRefusal(400, "invalid_client", `This relay serves only the client "${options.clientId}".`);
  }

  if (route === "token") {
    const grant = received.get("grant_type");
    if (grant === null) throw new RelayRefusal(400, "invalid_request", "The request names no grant_type.");
    const allowed: readonly string[] = options.allowPasswordGrant
      ? [...VALET_GRANTS, "password"]
      : VALET_GRANTS;
    if (!allowed.includes(grant)) {
      throw new RelayRefusal(
        400,
        "unsupported_grant_type",
        `The token relay forwards only the grants ${allowed.join(", ")}; "${grant}" is refused.`,
      );
    }
  }

  const forwarded = new URLSearchParams();
  for (const [name, value] of received) if (!isClientAuthentication(name)) forwarded.append(name, value);
  if (options.clientAuth === "client_secret_post") forwarded.set("client_secret", options.clientSecret);
  return forwarded;
}

/** The Authorization header for client_secret_basic: id and secret form-encoded, then Base64 (RFC 6749 §2.3.1). */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}
