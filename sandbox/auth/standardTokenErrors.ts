import type { Middleware } from "koa";

const GRANT_NOT_ALLOWED = "requested grant type is not allowed for this client";

/**
 * oidc-provider answers a grant the client is not registered for with `invalid_request`; RFC 6749 §5.2 (and
 * IdentityServer) call it `unauthorized_client`. The stand-in sends the standard code.
 */
export function standardTokenErrors(tokenPath: string): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== tokenPath || ctx.status !== 400) return;
    const body = ctx.body as { error?: unknown; error_description?: unknown } | undefined;
    if (body?.error === "invalid_request" && body.error_description === GRANT_NOT_ALLOWED) {
      body.error = "unauthorized_client";
    }
  };
}
