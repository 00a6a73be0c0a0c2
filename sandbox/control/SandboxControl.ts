import { CONTROL_SECRET_HEADER } from "./controlRoute";
import type {
  ApiFault,
  ArchiveControl,
  BadIdToken,
  BulkFault,
  Lifetimes,
  SandboxStats,
  TokenEndpointFault,
} from "./controlTypes";

export type {
  ApiFault,
  ArchiveControl,
  BadIdToken,
  BulkFault,
  Lifetimes,
  SandboxStats,
  TokenEndpointFault,
} from "./controlTypes";

/**
 * The sandbox's test controls, for tests only: the sandbox must be started with `testControls: true`
 * (`--test-controls` on the command line). Every change applies to requests that arrive after the promise resolves.
 */
export interface SandboxControl {
  /** Seconds, for tokens issued from now on (a rotated refresh token never outlives its predecessor). */
  setLifetimes(lifetimes: Partial<Lifetimes>): Promise<void>;
  /**
   * The next `count` token requests are slow (wait `delayMs`, default 3000, then answer normally), fail with 500
   * `{"error":"server_error"}`, or have their connection dropped.
   */
  failTokenEndpoint(fault: TokenEndpointFault): Promise<void>;
  /**
   * The next `count` API calls (not media, not CORS preflights) answer 401 (`WWW-Authenticate: Bearer
   * error="invalid_token"`), 429 (with `Retry-After`, default 1 s) or 500.
   */
  failApi(fault: ApiFault): Promise<void>;
  /**
   * The next `batches` (default 1) `POST /bulk` requests fail: status 429 refuses the whole request (Retry-After
   * `retryAfterSeconds`, default 1); any other status fails the listed `parts` (1-based) or the first `count` parts,
   * which are then not run. The other parts run normally.
   */
  failBulk(fault: BulkFault): Promise<void>;
  /**
   * Download archives asked for from now on take `seconds` (0–120; default 2) and end `ready`, `failed` or
   * `expired`.
   */
  setArchive(settings: Partial<ArchiveControl>): Promise<void>;
  /** The next `count` (default 1) id_tokens from code and refresh grants are wrong in exactly this one way. */
  badIdToken(kind: BadIdToken, count?: number): Promise<void>;
  /**
   * A new signing key (a new kid) signs everything from now on, and the JWKS lists only the new key: tokens signed
   * before stop verifying, so a client must re-fetch the JWKS (and the API refuses old access tokens).
   */
  rotateKeys(): Promise<void>;
  /**
   * How long keyword writes (`POST /assets/{id}/keywords`, `DELETE /assets/{id}/keywords/{keywordId}`, both 202) wait
   * before they apply, in milliseconds (0–60000), for writes accepted from now on. 0 applies them before the 202.
   */
  setKeywordDelay(ms: number): Promise<void>;
  /** Whether the API answers a DPoP proof without its nonce with 401 use_dpop_nonce and a DPoP-Nonce header. */
  requireDpopNonce(required: boolean): Promise<void>;
  /** Deletes every refresh token the user holds, in any client; rejects for an unknown username. */
  revokeRefreshTokens(username: string): Promise<void>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  /**
   * Lifetimes and the keyword delay back to how the sandbox started, and every armed fault disarmed. Keys and stats
   * stay as they are.
   */
  reset(): Promise<void>;
}

/** The control route's error, with the HTTP status and the route's `error_description`. */
export class SandboxControlError extends Error {
  override readonly name = "SandboxControlError";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the client needs of a started sandbox: where its auth server is and this run's control secret. */
export interface ControlledSandbox {
  authUrl: string;
  /** Absent when the sandbox serves no test controls. */
  controlSecret?: string | undefined;
}

/** A client for the test controls of a sandbox (pass the `Sandbox` that `startSandbox` resolved to). */
export function createSandboxControl(
  sandbox: ControlledSandbox,
  fetchImpl: typeof fetch = fetch,
): SandboxControl {
  const base = `${sandbox.authUrl.replace(/\/$/, "")}/__sandbox/`;
  const secret: Record<string, string> =
    sandbox.controlSecret === undefined ? {} : { [CONTROL_SECRET_HEADER]: sandbox.controlSecret };

  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const response = await fetchImpl(`${base}${path}`, {
      method,
      ...(body === undefined
        ? { headers: secret }
        : { headers: { ...secret, "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (response.status === 204) return undefined;
    const text = await response.text();
    if (!response.ok) {
      let description = text;
      try {
        description = String((JSON.parse(text) as { error_description?: unknown }).error_description ?? text);
      } catch {
        // Not JSON: most likely the route is absent (no testControls), and this is oidc-provider's own 404 page.
      }
      const hint = response.status === 404 ? " Was the sandbox started with testControls: true?" : "";
      throw new SandboxControlError(
        response.status,
        `Sandbox control ${method} ${path}: ${description}${hint}`,
      );
    }
    return JSON.parse(text) as unknown;
  }

  const command = async (path: string, body?: unknown): Promise<void> => {
    await call("POST", path, body ?? {});
  };

  return {
    setLifetimes: (lifetimes) => command("lifetimes", lifetimes),
    failTokenEndpoint: (fault) => command("faults/token", fault),
    failApi: (fault) => command("faults/api", fault),
    failBulk: (fault) => command("faults/bulk", fault),
    setArchive: (settings) => command("downloads/archive", settings),
    badIdToken: (kind, count = 1) => command("faults/id-token", { kind, count }),
    rotateKeys: () => command("keys/rotate"),
    setKeywordDelay: (ms) => command("keyword-delay", { ms }),
    requireDpopNonce: (required) => command("dpop-nonce", { required }),
    revokeRefreshTokens: (username) => command("refresh-tokens/revoke", { username }),
    stats: async () => (await call("GET", "stats")) as SandboxStats,
    resetStats: () => command("stats/reset"),
    reset: () => command("reset"),
  };
}
