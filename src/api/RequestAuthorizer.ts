/** A request about to be sent to the API, as an authorizer sees it. */
export interface AuthorizedRequest {
  /** Upper case, e.g. "GET". */
  readonly method: string;
  /** The whole URL, query included. */
  readonly url: string;
}

/** A request the API refused with 401: what was sent, and the answer's headers. */
export interface RejectedRequest extends AuthorizedRequest {
  /** The headers `authorize` gave this request. */
  readonly headers: Readonly<Record<string, string>>;
  /** The 401's headers (`WWW-Authenticate`, and `DPoP-Nonce` when the API asks for one). */
  readonly answer: Headers;
}

/**
 * Who may call the API, as the transport needs it: the headers that authorize one request, and what to do when the
 * API refuses them. A bearer token today, a DPoP-bound token with a proof per request when configured; the transport
 * does not know which.
 */
export interface RequestAuthorizer {
  /**
   * The headers that authorize `request` (`Authorization`, and `DPoP` when tokens are sender-constrained); undefined
   * when nobody is signed in. A rejection means the same.
   */
  authorize(request: AuthorizedRequest): Promise<Readonly<Record<string, string>> | undefined>;
  /**
   * The same headers without waiting, when they are at hand (a bearer token); undefined when they are not (nobody
   * signed in, a proof to make, code still loading), and then `authorize` is asked. With it, a call's request
   * leaves within the call, not after the rest of the task that made it (a page's first render).
   */
  authorizeNow?(request: AuthorizedRequest): Readonly<Record<string, string>> | undefined;
  /**
   * After the API answered `rejected` with 401: makes the next `authorize` worth a retry (a renewed token, or a
   * nonce the API asked for). Resolves false, or rejects, when that is impossible. Concurrent calls for one token
   * share one renewal, and a call for a token that was already replaced renews nothing.
   */
  renew?(rejected: RejectedRequest): Promise<boolean>;
}
