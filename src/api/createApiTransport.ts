import { ApiError } from "./ApiError";
import { buildUrl } from "./buildUrl";
import { errorFromStatus } from "./errorFromStatus";
import { failedToSend } from "./failedToSend";
import { notAllowedOrSession } from "./notAllowedOrSession";
import { parseEnvelope } from "./parseEnvelope";
import { parseRetryAfter } from "./parseRetryAfter";
import { readErrorBody } from "./readErrorBody";
import { readText } from "./readText";
import type { AuthorizedRequest, RequestAuthorizer } from "./RequestAuthorizer";
import type { Envelope } from "./types";
import { untilAborted } from "./untilAborted";

export interface ApiClientOptions {
  /** The API root, e.g. `https://api.mediavalet.com`; a trailing slash is ignored. */
  baseUrl: string;
  subscriptionKey: string;
  apiVersion: "1.0" | "1.1" | "1.2";
  /** Who may call: the headers for each request, and the renewal after a 401 (see RequestAuthorizer). */
  authorizer: RequestAuthorizer;
  fetch: typeof fetch;
}

export interface ApiRequestInit {
  method?: string;
  /** Undefined and empty values are left out. */
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON, unless it is a string and `contentType` names something other than JSON. */
  body?: unknown;
  /** Defaults to `application/json`; sent only with a body. */
  contentType?: string;
  signal?: AbortSignal;
  /**
   * What the call does, said so it completes "You are not allowed to …" (e.g. "change this asset"): a refusal
   * then names the action.
   */
  action?: string;
}

/** A successful answer that is not an envelope. */
export interface TextAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

/** What every endpoint group is built on: one authenticated call to the API, and the options it was made with. */
export interface ApiTransport {
  /**
   * Calls any API path (e.g. `/categories`) and returns the whole envelope. A property, not a method, so it can be
   * passed around unbound.
   */
  readonly request: <T>(path: string, init?: ApiRequestInit) => Promise<Envelope<T>>;
  /**
   * Like `request` (token, 401 renewal, 429 wait, errors), for the one answer that is no JSON envelope: a
   * successful `POST /bulk` is `multipart/mixed`. Returns its Content-Type and text as they came.
   */
  readonly requestText: (path: string, init?: ApiRequestInit) => Promise<TextAnswer>;
  readonly options: Readonly<ApiClientOptions>;
}

const SESSION_ENDED = "Your MediaValet session has ended. Sign in again to continue.";
const RENEWAL_FAILED =
  "MediaValet did not accept your sign-in, and Valet could not renew it just now (401). Try again in a moment; if it keeps happening, sign in again.";
// The longest Retry-After the client waits out by itself before retrying once; longer ones surface as "throttled".
const MAX_THROTTLE_WAIT_SECONDS = 10;

/**
 * Creates the transport under the MediaValet API client. It attaches the authorizer's headers and the subscription key
 * to every call, unwraps the response envelope, asks the authorizer to renew once on a 401 and retries once, waits
 * out a short 429 once, and turns every failure into an ApiError. It knows nothing of how sign-in works: the
 * authorizer and fetch are handed in.
 */
export function createApiTransport(options: ApiClientOptions): ApiTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const { authorizer } = options;
  const authorizeFor = (target: AuthorizedRequest, signal: AbortSignal | undefined) =>
    authorize(authorizer, target, signal);
  const sendOne = (
    target: AuthorizedRequest,
    init: ApiRequestInit,
    authorization: Readonly<Record<string, string>>,
  ) => send(options, baseUrl, target, init, authorization);

  async function request<T>(path: string, init: ApiRequestInit = {}): Promise<Envelope<T>> {
    const answer = await requestText(path, init);
    return parseEnvelope<T>(answer.status, answer.text);
  }

  async function requestText(path: string, init: ApiRequestInit = {}): Promise<TextAnswer> {
    const target: AuthorizedRequest = {
      method: init.method ?? "GET",
      url: buildUrl(baseUrl, path, init.query),
    };
    // Sent within this call when the headers are at hand; a microtask later, the rest of the caller's task runs first.
    let authorization = authorizeAtOnce(authorizer, target) ?? (await authorizeFor(target, init.signal));

    let response = await sendOne(target, init, authorization);
    if (response.status === 401) {
      const said = readErrorBody(await readText(response, init.signal, baseUrl));
      // A gateway 401 is about the subscription key; a new token would be rejected the same way.
      if (said.fromGateway || authorizer.renew === undefined) {
        throw errorFromStatus(401, response.headers, said, init.action);
      }
      const rejected = { ...target, headers: authorization, answer: response.headers };
      await renewAfter401(authorizer.renew.bind(authorizer), rejected, init.signal);
      authorization = await authorizeFor(target, init.signal);
      response = await sendOne(target, init, authorization);
      if (response.status === 401) {
        const saidAgain = readErrorBody(await readText(response, init.signal, baseUrl));
        if (saidAgain.fromGateway) throw errorFromStatus(401, response.headers, saidAgain, init.action);
        // A token minted a moment ago is refused: on API version 1.0 that is how MediaValet says "not allowed".
        // It is not proof the session is over, so it is reported, never acted on.
        throw notAllowedOrSession(init.action, saidAgain.message);
      }
    }

    if (response.status === 429) {
      const wait = parseRetryAfter(response.headers.get("Retry-After"));
      // Honour a short wait once, as the gateway asks; a long one is the page's to show, with "Try again".
      if (wait !== undefined && wait <= MAX_THROTTLE_WAIT_SECONDS) {
        await readText(response, init.signal, baseUrl);
        await untilAborted(delay(wait * 1000), init.signal);
        // Authorized anew: the token may have been renewed meanwhile, and a DPoP proof is good for one request.
        response = await sendOne(target, init, await authorizeFor(target, init.signal));
      }
    }

    const text = await readText(response, init.signal, baseUrl);
    if (!response.ok) {
      throw errorFromStatus(response.status, response.headers, readErrorBody(text), init.action);
    }
    return { status: response.status, contentType: response.headers.get("Content-Type"), text };
  }

  return { request, requestText, options };
}

/** The authorizer's headers for `target`; session_ended when there are none. */
async function authorize(
  authorizer: RequestAuthorizer,
  target: AuthorizedRequest,
  signal: AbortSignal | undefined,
): Promise<Readonly<Record<string, string>>> {
  let headers: Readonly<Record<string, string>> | undefined;
  try {
    headers = await untilAborted(
      Promise.resolve().then(() => authorizer.authorize(target)),
      signal,
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("session_ended", SESSION_ENDED, { cause: error });
  }
  if (headers === undefined) throw new ApiError("session_ended", SESSION_ENDED);
  return headers;
}

/** The authorizer's headers for `target` if it has them at hand; any failure is left to `authorize` to report. */
function authorizeAtOnce(
  authorizer: RequestAuthorizer,
  target: AuthorizedRequest,
): Readonly<Record<string, string>> | undefined {
  try {
    return authorizer.authorizeNow?.(target);
  } catch {
    return undefined;
  }
}

/** Asks the authorizer to make a retry worthwhile after `rejected` got a 401. */
async function renewAfter401(
  renew: NonNullable<RequestAuthorizer["renew"]>,
  rejected: Parameters<typeof renew>[0],
  signal: AbortSignal | undefined,
): Promise<void> {
  let renewed: boolean;
  // Whether the session goes on is the auth side's decision (it ends it when the refresh token is refused);
  // here a failed renewal only fails this request.
  try {
    renewed = await untilAborted(
      Promise.resolve().then(() => renew(rejected)),
      signal,
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("renewal_failed", RENEWAL_FAILED, { status: 401, cause: error });
  }
  if (!renewed) throw new ApiError("renewal_failed", RENEWAL_FAILED, { status: 401 });
}

/** One call to the API with the authorizer's headers, the subscription key and the version; never follows a redirect. */
async function send(
  options: ApiClientOptions,
  baseUrl: string,
  target: AuthorizedRequest,
  init: ApiRequestInit,
  authorization: Readonly<Record<string, string>>,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...authorization,
    "Ocp-Apim-Subscription-Key": options.subscriptionKey,
    "x-mv-api-version": options.apiVersion,
  };
  let body: string | undefined;
  if (init.body !== undefined) {
    const contentType = init.contentType ?? "application/json";
    headers["Content-Type"] = contentType;
    body =
      typeof init.body === "string" && !/json/i.test(contentType) ? init.body : JSON.stringify(init.body);
  }
  try {
    return await options.fetch(target.url, {
      method: target.method,
      headers,
      body,
      // The token travels in a header; cookies for the API host have no business in these calls.
      credentials: "omit",
      // A redirect would carry the token (and a DPoP proof) to wherever it points; no call Valet makes expects one.
      redirect: "error",
      signal: init.signal,
    });
  } catch (error) {
    throw failedToSend(error, init.signal, baseUrl);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
