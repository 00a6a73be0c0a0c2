import type { Middleware } from "koa";

export interface CorsPolicyOptions {
  /** The endpoints a browser may call across origins: discovery, JWKS, token, revocation, userinfo. */
  corsPaths: readonly string[];
  /** Each client's allowed browser origins (IdentityServer's AllowedCorsOrigins). */
  corsOriginsByClient: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * IdentityServer's CORS policy on top of oidc-provider's. oidc-provider answers discovery, the JWKS and every
 * preflight for any `Origin` (it reflects it, or sends `*` without one) and checks the client's origins only on the
 * actual POST. IdentityServer allows an origin on its CORS paths only when some client lists it, and sends no
 * `Access-Control-*` header at all otherwise — preflights included — and none on other paths. So every response that
 * IdentityServer would not have allowed loses the headers oidc-provider gave it. The per-client check on the token
 * and revocation POSTs (`clientBasedCORS`) still runs on top, as before.
 */
export function corsPolicy(options: CorsPolicyOptions): Middleware {
  const corsPaths = new Set(options.corsPaths);
  const allowedOrigins = new Set(
    [...options.corsOriginsByClient.values()].flatMap((origins) => [...origins]),
  );

  return async (ctx, next) => {
    const origin = ctx.get("Origin");
    if (corsPaths.has(ctx.path) && allowedOrigins.has(origin)) return next();
    try {
      await next();
    } finally {
      for (const name of Object.keys(ctx.response.headers)) {
        if (name.toLowerCase().startsWith("access-control-")) ctx.remove(name);
      }
    }
  };
}
