import type { RelayOptions } from "../../../relay/RelayOptions";

/** One request as the stub auth server received it from the relay. */
export interface ReceivedRequest {
  url: string;
  method: string;
  headers: Headers;
  form: URLSearchParams;
  redirect: RequestRedirect | undefined;
}

export interface StubUpstream {
  /** Pass as the relay's `fetch`. */
  fetch: typeof fetch;
  /** Everything the relay sent, in order. */
  received: ReceivedRequest[];
  /** What the next requests are answered with (default: 200 and a token response). */
  answer(respond: () => Response | Promise<Response>): void;
}

export const TOKEN_ENDPOINT = "https://login.example.com/connect/token";
export const REVOCATION_ENDPOINT = "https://login.example.com/connect/revocation";
export const APP_ORIGIN = "https://valet.example.com";
export const CLIENT_ID = "valet-confidential";
export const CLIENT_SECRET = "s3cret-that-must-stay-on-the-server";
export const RELAY_URL = "https://valet.example.com/relay";

export const TOKENS = { access_token: "at", token_type: "Bearer", expires_in: 3600, refresh_token: "rt2" };

/** A stand-in for the auth server's token and revocation endpoints that records what reaches it. */
export function stubUpstream(): StubUpstream {
  const received: ReceivedRequest[] = [];
  let respond: () => Response | Promise<Response> = () => Response.json(TOKENS);
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    received.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      form: new URLSearchParams(await request.text()),
      redirect: init?.redirect,
    });
    return respond();
  };
  return {
    fetch: fetchStub as typeof fetch,
    received,
    answer: (next) => {
      respond = next;
    },
  };
}

/** Relay options for the stub: one allowed origin, the code and refresh grants only. */
export function relayOptions(upstream: StubUpstream, overrides: Partial<RelayOptions> = {}): RelayOptions {
  return {
    tokenEndpoint: TOKEN_ENDPOINT,
    revocationEndpoint: REVOCATION_ENDPOINT,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    allowedOrigins: [APP_ORIGIN],
    allowPasswordGrant: false,
    fetch: upstream.fetch,
    ...overrides,
  };
}

/** A request as Valet's page sends it: a form POST from the app's origin with the client id in the body. */
export function valetRequest(
  path: "token" | "revocation" | string,
  params: Record<string, string>,
  init: { origin?: string | null; headers?: Record<string, string>; method?: string } = {},
): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", ...init.headers });
  const origin = init.origin === undefined ? APP_ORIGIN : init.origin;
  if (origin !== null) headers.set("Origin", origin);
  const method = init.method ?? "POST";
  return new Request(`${RELAY_URL}/${path}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: new URLSearchParams(params).toString() }),
  });
}

export const CODE_EXCHANGE = {
  grant_type: "authorization_code",
  client_id: CLIENT_ID,
  code: "the-code",
  redirect_uri: `${APP_ORIGIN}/callback`,
  code_verifier: "the-verifier",
};

export const REFRESH = { grant_type: "refresh_token", client_id: CLIENT_ID, refresh_token: "rt1" };

/** Reads a relay answer's JSON body. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
