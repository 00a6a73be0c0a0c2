import type { Middleware } from "koa";

export const DISCOVERY_PATH = "/.well-known/openid-configuration";

/**
 * MediaValet's discovery document lists `api` among `scopes_supported`. oidc-provider lists only OIDC scopes (`api`
 * belongs to the resource server and must not be configured as an OIDC scope), so it is added to the document here.
 */
export function discoveryApiScope(apiScope: string): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== DISCOVERY_PATH || ctx.status !== 200) return;
    const body = ctx.body as { scopes_supported?: unknown } | undefined;
    if (Array.isArray(body?.scopes_supported) && !body.scopes_supported.includes(apiScope)) {
      body.scopes_supported = [...(body.scopes_supported as unknown[]), apiScope];
    }
  };
}
