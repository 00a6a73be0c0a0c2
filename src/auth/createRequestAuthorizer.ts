import type { DPoPProver } from "./dpop/createDPoPProver";

/** The session's access token and the type the token endpoint gave it ("Bearer", or "DPoP" when bound). */
export interface HeldToken {
  readonly access_token: string;
  readonly token_type?: string;
}

/** A request to the API, as the transport describes it (src/api's RequestAuthorizer; auth/ does not import api/). */
export interface RequestToAuthorize {
  readonly method: string;
  readonly url: string;
}

/** A request the API answered with 401: what was sent, and the answer's headers. */
export interface RefusedRequest extends RequestToAuthorize {
  readonly headers: Readonly<Record<string, string>>;
  readonly answer: Headers;
}

export interface RequestAuthorizerOptions {
  /** The session's token now, or nothing when nobody is signed in (or the token has expired). */
  getToken: () => HeldToken | null | undefined | Promise<HeldToken | null | undefined>;
  /** Renews the session; resolves the new access token, or undefined when that is impossible. */
  renewToken?: () => Promise<string | undefined>;
  /** Present when config.json turns DPoP on: makes the proofs a bound token needs. */
  dpop?: DPoPProver;
}

export interface RequestAuthorizer {
  authorize(request: RequestToAuthorize): Promise<Readonly<Record<string, string>> | undefined>;
  /** The headers without waiting, when a bearer token is at hand; undefined whenever `authorize` must be asked. */
  authorizeNow(request: RequestToAuthorize): Readonly<Record<string, string>> | undefined;
  /** Absent when there is nothing to renew with: no renewal, and no DPoP nonce to take. */
  renew?(rejected: RefusedRequest): Promise<boolean>;
}

/**
 * Creates what the API client asks before each call and after each 401. A bearer token goes as
 * `Authorization: Bearer`; a token the server bound to Valet's key (token_type "DPoP") goes as
 * `Authorization: DPoP` with a fresh proof. Which one is the token's own answer, so a session that predates the
 * setting, or a password session (oidc-client-ts sends no proof with that grant), still works.
 */
export function createRequestAuthorizer(options: RequestAuthorizerOptions): RequestAuthorizer {
  // The renewal in progress, shared by every request that hits a 401 meanwhile, so one expiry costs one refresh.
  let renewal: Promise<string | undefined> | undefined;

  function renewShared(renewToken: () => Promise<string | undefined>): Promise<string | undefined> {
    if (renewal === undefined) {
      const pending = Promise.resolve().then(renewToken);
      const clear = () => {
        if (renewal === pending) renewal = undefined;
      };
      pending.then(clear, clear);
      renewal = pending;
    }
    return renewal;
  }

  // A token source that answered authorizeNow with a promise: that request's `authorize` takes the same answer
  // rather than asking a second time.
  const asked = new WeakMap<RequestToAuthorize, Promise<HeldToken | null | undefined>>();

  async function currentToken(request?: RequestToAuthorize): Promise<HeldToken | undefined> {
    const answer = request && asked.get(request);
    if (request) asked.delete(request);
    const token = await (answer ?? options.getToken());
    return token && token.access_token !== "" ? token : undefined;
  }

  async function authorize(
    request: RequestToAuthorize,
  ): Promise<Readonly<Record<string, string>> | undefined> {
    const token = await currentToken(request);
    if (!token) return undefined;
    const headers: Record<string, string> = { Authorization: schemeAndToken(token) };
    if (isBound(token)) {
      if (!options.dpop) throw new Error("The session's token is DPoP-bound, but DPoP is not turned on.");
      headers["DPoP"] = await options.dpop.proof(request, token.access_token);
    }
    return headers;
  }

  function authorizeNow(request: RequestToAuthorize): Readonly<Record<string, string>> | undefined {
    const token = options.getToken();
    if (token && "then" in token) {
      // Any promise-like answer, native or not: `authorize` takes it, a microtask later.
      const answer = Promise.resolve(token);
      asked.set(request, answer);
      // Until then, a rejection is nobody's to report.
      answer.catch(() => undefined);
      return undefined;
    }
    if (!token || token.access_token === "" || isBound(token)) return undefined;
    return { Authorization: schemeAndToken(token) };
  }

  async function renew(rejected: RefusedRequest): Promise<boolean> {
    // The API wants a nonce in the proof: retry with it, once (the transport retries a 401 only once).
    if (await options.dpop?.acceptNonce(rejected, rejected.answer, rejected.headers["DPoP"])) return true;
    // Another request's renewal already replaced the refused token: retry with the new one.
    const current = await currentToken();
    if (current && schemeAndToken(current) !== rejected.headers["Authorization"]) return true;
    if (!options.renewToken) return false;
    const renewed = await renewShared(options.renewToken);
    return renewed !== undefined && renewed !== "";
  }

  return options.renewToken || options.dpop
    ? { authorize, authorizeNow, renew }
    : { authorize, authorizeNow };
}

function isBound(token: HeldToken): boolean {
  return token.token_type?.toLowerCase() === "dpop";
}

function schemeAndToken(token: HeldToken): string {
  return `${isBound(token) ? "DPoP" : "Bearer"} ${token.access_token}`;
}
