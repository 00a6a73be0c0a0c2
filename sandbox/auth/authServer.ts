import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Middleware } from "koa";
import type { Provider } from "oidc-provider";
import type { ControlState } from "../control/controlState";
import { handleControlRequest } from "../control/controlRoute";
import { countAuthRequests } from "../control/countAuthRequests";
import { tokenEndpointFaults } from "../control/tokenEndpointFaults";
import { closeServer, listen, originOf } from "../http";
import type { SignInLog } from "../signInLog";
import { findUserByUsername } from "../users";
import { API_SCOPE } from "../apiResource";
import { DISCOVERY_PATH, discoveryApiScope } from "./discoveryApiScope";
import { endSessionNeedsIdTokenHint } from "./endSessionNeedsIdTokenHint";
import { grantedScopeInTokenResponse } from "./grantedScope";
import { interactionRoutes } from "./interactions";
import { loadOidcProvider } from "./loadProvider";
import { createMemoryAdapterFactory, type MemoryAdapterFactory } from "./memoryAdapter";
import { corsOriginsByClient } from "./clients";
import { corsPolicy } from "./corsPolicy";
import { ROUTES, createProvider } from "./provider";
import { jsonRevocationResponse } from "./revocationResponse";
import { standardTokenErrors } from "./standardTokenErrors";
import { generateCookieKeys, type SigningKeys } from "./signingKeys";

export interface AuthServerOptions {
  host: string;
  port: number;
  /** Defaults to the server's own origin. */
  issuer: string | undefined;
  appOrigins: readonly string[];
  appBasePath: string;
  keys: SigningKeys;
  signIns: SignInLog;
  /** Lifetimes, stats and armed faults, shared with the API. */
  control: ControlState;
  /** Serve the `/__sandbox/` control route. */
  testControls: boolean;
  /** The secret control requests must carry (see controlRoute.ts). */
  controlSecret: string;
  log: (line: string) => void;
}

export interface AuthServer {
  url: string;
  issuer: string;
  close(): Promise<void>;
}

const REFRESH_TOKEN_REUSED = "refresh token already used";

/** The stand-in for login.mediavalet.com: oidc-provider plus the sandbox's sign-in page, on its own port. */
export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const oidc = await loadOidcProvider(options.log);

  // The issuer defaults to the server's origin, which is only known once the port is bound (port 0 in tests).
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  const port = await listen(server, options.host, options.port);
  const url = originOf(options.host, port);
  const issuer = options.issuer ?? url;

  // Storage and cookie keys outlive the provider: a key rotation builds a new provider over the same state.
  const shared: SharedState = { adapter: createMemoryAdapterFactory(), cookieKeys: generateCookieKeys() };
  const build = (): ((req: IncomingMessage, res: ServerResponse) => void) => {
    const callback = setUpProvider(oidc, { ...options, issuer }, shared).callback();
    if (!options.testControls) return callback;
    const actions = {
      secret: options.controlSecret,
      state: options.control,
      log: options.log,
      rotateKeys: async () => {
        await options.keys.rotate();
        handle = build();
        options.log(`auth: control: signing key rotated to ${options.keys.current().kid}`);
      },
      revokeRefreshTokens: (username: string) => {
        const user = findUserByUsername(username);
        if (!user) return false;
        const revoked = shared.adapter.destroyWhere("RefreshToken", (token) => token.accountId === user.id);
        options.log(`auth: control: revoked ${revoked} refresh token(s) of ${user.username}`);
        return true;
      },
    };
    return (req, res) => {
      if (!handleControlRequest(req, res, actions)) callback(req, res);
    };
  };

  try {
    handle = build();
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  return { url, issuer, close: () => closeServer(server) };
}

interface SharedState {
  adapter: MemoryAdapterFactory;
  cookieKeys: string[];
}

function setUpProvider(
  oidc: Awaited<ReturnType<typeof loadOidcProvider>>,
  options: AuthServerOptions & { issuer: string },
  shared: SharedState,
): Provider {
  const { control, log } = options;
  const provider = createProvider({
    oidc,
    issuer: options.issuer,
    appOrigins: options.appOrigins,
    appBasePath: options.appBasePath,
    keys: options.keys,
    cookieKeys: shared.cookieKeys,
    adapter: shared.adapter,
    lifetimes: control.lifetimes,
  });
  provider.use(requestLog(log));
  provider.use(
    corsPolicy({
      corsPaths: [DISCOVERY_PATH, ROUTES.jwks, ROUTES.token, ROUTES.revocation, ROUTES.userinfo],
      corsOriginsByClient: corsOriginsByClient(options.appOrigins),
    }),
  );
  provider.use(
    countAuthRequests(
      {
        discovery: DISCOVERY_PATH,
        jwks: ROUTES.jwks,
        userinfo: ROUTES.userinfo,
        revocation: ROUTES.revocation,
        endSession: ROUTES.end_session,
      },
      control.stats,
    ),
  );
  provider.use(
    tokenEndpointFaults({
      tokenPath: ROUTES.token,
      control,
      keys: options.keys,
      appOrigins: options.appOrigins,
      log,
    }),
  );
  provider.use(standardTokenErrors(ROUTES.token));
  provider.use(grantedScopeInTokenResponse(ROUTES.token));
  provider.use(discoveryApiScope(API_SCOPE));
  provider.use(jsonRevocationResponse(ROUTES.revocation));
  provider.use(endSessionNeedsIdTokenHint(provider, ROUTES.end_session));
  provider.use(interactionRoutes({ provider, signIns: options.signIns, log }));
  provider.on("server_error", (_ctx, error) => log(`auth: server error: ${describe(error)}`));
  provider.on("grant.error", (_ctx, error) => {
    // oidc-provider has already refused the reused token and revoked its whole grant; the stats record that it came.
    if ((error as { error_detail?: unknown }).error_detail === REFRESH_TOKEN_REUSED)
      control.stats.refreshReuse++;
    log(`auth: token request refused: ${describe(error)}`);
  });
  provider.on("authorization.error", (_ctx, error) =>
    log(`auth: authorization request refused: ${describe(error)}`),
  );
  // Koa's default prints errors from middleware straight to stderr.
  provider.onerror = (error) => log(`auth: ${describe(error)}`);
  return provider;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { error_description: description, error_detail: detail } = error as {
    error_description?: unknown;
    error_detail?: unknown;
  };
  const parts = [description, detail].filter((part): part is string => typeof part === "string");
  return parts.length > 0 ? `${error.message} (${parts.join("; ")})` : error.message;
}

function requestLog(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      log(`auth: ${ctx.method} ${ctx.path} ${ctx.status}`);
    }
  };
}
