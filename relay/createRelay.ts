import { checkRelayOptions, type CheckedRelayOptions } from "./checkRelayOptions.ts";
import { basicAuthorization, forwardedForm } from "./forwardedForm.ts";
import { readFormBody } from "./readFormBody.ts";
import { RelayRefusal } from "./RelayRefusal.ts";
import type { RelayOptions } from "./RelayOptions.ts";
import { relayRoute } from "./relayRoute.ts";
import { preflightHeaders, responseHeaders } from "./responseHeaders.ts";

export type { RelayOptions } from "./RelayOptions.ts";

/** A relay: one web-standard request in, one response out. Every runtime's adapter calls it. */
export type Relay = (request: Request) => Promise<Response>;

/** Statuses whose response may carry no body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Creates the token relay for a confidential client: it serves `POST …/token` and `POST …/revocation` (and their CORS
 * preflights) under any mount path, checks that the request is one Valet makes, and forwards it to the configured
 * endpoint with the client secret added. Throws at once, naming every problem, when an option is unusable.
 *
 * It is no open proxy: one upstream pair, one client id, allowed origins only, form bodies of bounded size, only the
 * grants Valet uses; the caller's own client authentication and headers are dropped; nothing is cached.
 */
export function createRelay(options: RelayOptions): Relay {
  const checked = checkRelayOptions(options);
  return async (request) => {
    const origin = request.headers.get("Origin");
    const allowedOrigin = origin !== null && checked.allowedOrigins.has(origin) ? origin : undefined;
    try {
      return await relay(request, checked, origin, allowedOrigin);
    } catch (error) {
      if (error instanceof RelayRefusal) return errorResponse(error, allowedOrigin);
      // Only the kind of failure is logged: an error object's text could carry the request it came from.
      console.error(`Token relay: unexpected ${error instanceof Error ? error.name : typeof error}.`);
      const failure = new RelayRefusal(500, "server_error", "The token relay failed unexpectedly.");
      return errorResponse(failure, allowedOrigin);
    }
  };
}

async function relay(
  request: Request,
  options: CheckedRelayOptions,
  origin: string | null,
  allowedOrigin: string | undefined,
): Promise<Response> {
  const route = relayRoute(new URL(request.url).pathname);
  if (route === undefined) {
    throw new RelayRefusal(
      404,
      "invalid_request",
      "The token relay serves only POST …/token and …/revocation.",
    );
  }
  if (request.method !== "POST" && request.method !== "OPTIONS") {
    throw new RelayRefusal(
      405,
      "invalid_request",
      `The token relay accepts only POST, not ${request.method}.`,
      {
        Allow: "POST, OPTIONS",
      },
    );
  }
  if (allowedOrigin === undefined) {
    throw new RelayRefusal(
      403,
      "invalid_request",
      origin === null
        ? "The request has no Origin header: the token relay answers only Valet's pages."
        : `The origin ${origin} may not use this token relay.`,
    );
  }
  if (request.method === "OPTIONS")
    return new Response(null, { status: 204, headers: preflightHeaders(allowedOrigin) });

  const form = forwardedForm(route, await readFormBody(request, options.maxBodyBytes), options);
  const endpoint = route === "token" ? options.tokenEndpoint : options.revocationEndpoint;
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  });
  if (options.clientAuth === "client_secret_basic") {
    headers.set("Authorization", basicAuthorization(options.clientId, options.clientSecret));
  }

  let upstream: Response;
  let text: string;
  try {
    upstream = await options.fetch(endpoint, { method: "POST", headers, body: form, redirect: "manual" });
    text = await upstream.text();
  } catch {
    throw new RelayRefusal(
      502,
      "temporarily_unavailable",
      `The token relay could not reach the auth server at ${endpoint.origin}. Try again in a moment.`,
    );
  }
  return upstreamResponse(upstream.status, text, options, allowedOrigin, endpoint);
}

/** The auth server's answer as the browser gets it: same status, same JSON, the relay's own headers. */
function upstreamResponse(
  status: number,
  text: string,
  options: CheckedRelayOptions,
  allowedOrigin: string,
  endpoint: URL,
): Response {
  const badGateway = (what: string) =>
    new RelayRefusal(502, "server_error", `The auth server at ${endpoint.origin} answered ${what}.`);
  // fetch reports a redirect it did not follow as status 0 in some runtimes and as the 3xx itself in others.
  if (status < 200 || (status >= 300 && status < 400)) {
    throw badGateway(`with a redirect (${status}): is the endpoint URL right?`);
  }
  if (text !== "") {
    try {
      JSON.parse(text);
    } catch {
      throw badGateway(`${status} with something other than JSON: is the endpoint URL right?`);
    }
  }
  // Defence in depth: an upstream that echoes the request back must not hand the secret to the browser.
  if (text.includes(options.clientSecret))
    throw badGateway("with a body that repeats the client secret; it was withheld");

  const headers = responseHeaders(allowedOrigin);
  if (NULL_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(text === "" ? "{}" : text, { status, headers });
}

function errorResponse(refusal: RelayRefusal, allowedOrigin: string | undefined): Response {
  const headers = responseHeaders(allowedOrigin);
  headers.set("Content-Type", "application/json; charset=utf-8");
  for (const [name, value] of Object.entries(refusal.headers)) headers.set(name, value);
  const body = { error: refusal.code, error_description: refusal.message };
  return new Response(JSON.stringify(body), { status: refusal.status, headers });
}
