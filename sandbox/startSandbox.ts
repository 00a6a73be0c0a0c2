import { randomBytes } from "node:crypto";
import { startApiServer } from "./api/apiServer";
import { startAuthServer } from "./auth/authServer";
import { DEFAULT_LIFETIMES } from "./auth/provider";
import { generateSigningKeys } from "./auth/signingKeys";
import { createControlState } from "./control/controlState";
import { isLoopbackHost } from "./loopback";
import { createSignInLog } from "./signInLog";

export interface SandboxOptions {
  /** Default "127.0.0.1". Anything but a loopback address is refused unless `allowRemote` is true. */
  host?: string;
  allowRemote?: boolean;
  /** Default 4010; 0 picks any free port. */
  authPort?: number;
  /** Default 4020; 0 picks any free port. */
  apiPort?: number;
  /**
   * Default: the auth server's own origin. May differ from it, as MediaValet's does (issuer https://iam.mediavalet.com,
   * host login.mediavalet.com). Must be an origin: oidc-provider would read a path as a mount path.
   */
  issuer?: string;
  /** Origins Valet is served from, e.g. "http://127.0.0.1:5173": redirect URIs, post-logout URIs and CORS. */
  appOrigins: string[];
  /** Default "/". Redirect URI `${origin}${appBasePath}callback`, post-logout URI `${origin}${appBasePath}`. */
  appBasePath?: string;
  /** Default "sandbox-subscription-key". */
  subscriptionKey?: string;
  /** Seconds; default 3600. */
  accessTokenTtl?: number;
  /**
   * Milliseconds a keyword write (answered 202) waits before it applies, as MediaValet's background job makes it
   * wait. Default 1500; 0 applies it before the 202 (unit tests). The test control `setKeywordDelay` changes it.
   */
  keywordDelayMs?: number;
  /**
   * Serve the test controls at `/__sandbox/` on the auth server (use them through `createSandboxControl(sandbox)`,
   * which sends the run's `controlSecret`):
   * lifetimes, token-endpoint and API faults, bad id_tokens, key rotation, refresh-token revocation and stats.
   * Default false: without it the route does not exist.
   */
  testControls?: boolean;
  /** The secret control requests must carry; default a new random one per start (see `Sandbox.controlSecret`). */
  controlSecret?: string;
  /** Default: no logging. */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** Origin of the auth server, no trailing slash, e.g. "http://127.0.0.1:4010". */
  authUrl: string;
  /** Origin of the API server, no trailing slash, e.g. "http://127.0.0.1:4020". */
  apiUrl: string;
  issuer: string;
  subscriptionKey: string;
  /** Whether the `/__sandbox/` test controls are served. */
  testControls: boolean;
  /**
   * The secret the test controls want in the `X-Sandbox-Control` header, new for every start; undefined when they
   * are off. No web page can send it (a custom header needs a CORS preflight, which the controls refuse).
   */
  controlSecret: string | undefined;
  /** Stops both servers and drops their connections. */
  close(): Promise<void>;
}

export const SANDBOX_DEFAULTS = {
  host: "127.0.0.1",
  authPort: 4010,
  apiPort: 4020,
  appBasePath: "/",
  subscriptionKey: "sandbox-subscription-key",
  accessTokenTtl: 3600,
  keywordDelayMs: 1500,
} as const;

function fail(message: string): never {
  throw new Error(`startSandbox: ${message}`);
}

function checkPort(name: string, port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`${name} must be a port number 0–65535, not ${port}.`);
  return port;
}

function checkOrigin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`${name} "${value}" is not a URL.`);
  }
  if (url.origin !== value)
    fail(`${name} "${value}" must be an origin like "${url.origin}" (no path, no trailing slash).`);
  return value;
}

function normaliseBasePath(path: string): string {
  if (!path.startsWith("/")) fail(`appBasePath "${path}" must start with "/".`);
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Starts the MediaValet stand-in: an OpenID Connect server (like login.mediavalet.com) and the DAM API (like
 * api.mediavalet.com) on two ports of one process. Everything lives in memory and is gone after `close()`.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const host = options.host ?? SANDBOX_DEFAULTS.host;
  if (!isLoopbackHost(host) && options.allowRemote !== true) {
    fail(
      `refusing to listen on "${host}": the sandbox has public demo accounts and is for this machine only. ` +
        "Use a loopback address such as 127.0.0.1, or set allowRemote: true.",
    );
  }
  if (options.appOrigins.length === 0) fail("appOrigins must name at least one origin Valet is served from.");
  const appOrigins = options.appOrigins.map((origin) => checkOrigin("appOrigins entry", origin));
  const issuer = options.issuer === undefined ? undefined : checkOrigin("issuer", options.issuer);
  const accessTokenTtl = options.accessTokenTtl ?? SANDBOX_DEFAULTS.accessTokenTtl;
  if (!Number.isInteger(accessTokenTtl) || accessTokenTtl <= 0) {
    fail(`accessTokenTtl must be a positive whole number of seconds, not ${accessTokenTtl}.`);
  }
  const keywordDelayMs = options.keywordDelayMs ?? SANDBOX_DEFAULTS.keywordDelayMs;
  if (!Number.isInteger(keywordDelayMs) || keywordDelayMs < 0) {
    fail(`keywordDelayMs must be a whole number of milliseconds, 0 or more, not ${keywordDelayMs}.`);
  }
  const subscriptionKey = options.subscriptionKey ?? SANDBOX_DEFAULTS.subscriptionKey;
  if (subscriptionKey === "") fail("subscriptionKey must not be empty.");
  const authPort = checkPort("authPort", options.authPort ?? SANDBOX_DEFAULTS.authPort);
  const apiPort = checkPort("apiPort", options.apiPort ?? SANDBOX_DEFAULTS.apiPort);
  const appBasePath = normaliseBasePath(options.appBasePath ?? SANDBOX_DEFAULTS.appBasePath);
  const log = options.log ?? (() => {});
  if (options.controlSecret !== undefined && options.controlSecret.length < 16) {
    fail("controlSecret must be at least 16 characters long.");
  }
  const controlSecret = options.controlSecret ?? randomBytes(32).toString("base64url");

  const keys = await generateSigningKeys();
  const signIns = createSignInLog();
  const control = createControlState({ ...DEFAULT_LIFETIMES, accessToken: accessTokenTtl }, keywordDelayMs);
  const auth = await startAuthServer({
    host,
    port: authPort,
    issuer,
    appOrigins,
    appBasePath,
    keys,
    signIns,
    control,
    testControls: options.testControls === true,
    controlSecret,
    log,
  });

  let api;
  try {
    api = await startApiServer({
      host,
      port: apiPort,
      issuer: auth.issuer,
      jwks: () => keys.publicJwks(),
      appOrigins,
      subscriptionKey,
      signIns,
      control,
      log,
    });
  } catch (error) {
    await auth.close();
    throw error;
  }

  return {
    authUrl: auth.url,
    apiUrl: api.url,
    issuer: auth.issuer,
    subscriptionKey,
    testControls: options.testControls === true,
    controlSecret: options.testControls === true ? controlSecret : undefined,
    close: async () => {
      await Promise.all([auth.close(), api.close()]);
    },
  };
}
