import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Middleware } from "koa";
import type { Provider } from "oidc-provider";
import { closeServer, listen, originOf } from "../http";
import type { SignInLog } from "../signInLog";
import { interactionRoutes } from "./interactions";
import { loadOidcProvider } from "./loadProvider";
import { ROUTES, createProvider } from "./provider";
import { jsonRevocationResponse } from "./revocationResponse";
import { generateCookieKeys, type SigningKeys } from "./signingKeys";

export interface AuthServerOptions {
  host: string;
  port: number;
  /** Defaults to the server's own origin. */
  issuer: string | undefined;
  appOrigins: readonly string[];
  appBasePath: string;
  accessTokenTtl: number;
  keys: SigningKeys;
  signIns: SignInLog;
  log: (line: string) => void;
}

export interface AuthServer {
  url: string;
  issuer: string;
  provider: Provider;
  close(): Promise<void>;
}

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

  let provider: Provider;
  try {
    provider = setUpProvider(oidc, { ...options, issuer });
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  handle = provider.callback();

  return { url, issuer, provider, close: () => closeServer(server) };
}

function setUpProvider(
  oidc: Awaited<ReturnType<typeof loadOidcProvider>>,
  options: AuthServerOptions & { issuer: string },
): Provider {
  const provider = createProvider({
    oidc,
    issuer: options.issuer,
    appOrigins: options.appOrigins,
    appBasePath: options.appBasePath,
    keys: options.keys,
    cookieKeys: generateCookieKeys(),
    accessTokenTtl: options.accessTokenTtl,
  });
  provider.use(requestLog(options.log));
  provider.use(jsonRevocationResponse(ROUTES.revocation));
  provider.use(interactionRoutes({ provider, signIns: options.signIns, log: options.log }));
  provider.on("server_error", (_ctx, error) => options.log(`auth: server error: ${describe(error)}`));
  provider.on("grant.error", (_ctx, error) => options.log(`auth: token request refused: ${describe(error)}`));
  provider.on("authorization.error", (_ctx, error) =>
    options.log(`auth: authorization request refused: ${describe(error)}`),
  );
  // Koa's default prints errors from middleware straight to stderr.
  provider.onerror = (error) => options.log(`auth: ${describe(error)}`);
  return provider;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const description = (error as { error_description?: unknown }).error_description;
  return typeof description === "string" ? `${error.message} (${description})` : error.message;
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
