import type { Middleware } from "koa";

/**
 * oidc-provider answers a successful revocation with an empty `text/plain` body, which oidc-client-ts rejects
 * ("Invalid response Content-Type"). RFC 7009 only asks for a 200, so the stand-in sends an empty JSON object.
 */
export function jsonRevocationResponse(revocationPath: string): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path === revocationPath && ctx.method === "POST" && ctx.status === 200 && !ctx.body) {
      ctx.body = {};
    }
  };
}
