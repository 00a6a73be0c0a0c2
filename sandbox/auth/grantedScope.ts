import type { Middleware } from "koa";
import type { KoaContextWithOIDC } from "oidc-provider";

type JwtCustomizer = (
  ctx: KoaContextWithOIDC | undefined,
  token: { kind: string },
  jwt: { payload: Record<string, unknown> },
) => void;

function scopeOf(entity: unknown): string | undefined {
  const scope = (entity as { scope?: unknown } | undefined)?.scope;
  return typeof scope === "string" && scope !== "" ? scope : undefined;
}

/**
 * Every scope a code exchange or a refresh grants, identity scopes included: the code's scope, or for a refresh the
 * scope it asked for (a subset of the refresh token's, which oidc-provider has already checked) or else the refresh
 * token's. Undefined for any other request. oidc-provider itself reports only the access token's resource scopes
 * (`api`); IdentityServer reports all of them.
 */
export function grantedScope(ctx: KoaContextWithOIDC | undefined): string | undefined {
  const oidc = ctx?.oidc;
  if (!oidc || oidc.route !== "token") return undefined;
  const grantType = oidc.params?.["grant_type"];
  if (grantType === "authorization_code") return scopeOf(oidc.entities.AuthorizationCode);
  if (grantType !== "refresh_token") return undefined;
  const requested = oidc.params?.["scope"];
  if (typeof requested === "string" && requested.trim() !== "")
    return [...new Set(requested.split(" ").filter(Boolean))].join(" ");
  return scopeOf(oidc.entities.RefreshToken);
}

/**
 * A token response's `scope` names every granted scope, as IdentityServer's does (`openid api offline_access`, not
 * `api` alone). It matters: oidc-client-ts stores that `scope` and sends it back on each refresh, and a refresh
 * without `openid` would get no id_token. The password grant writes its own response (see passwordGrant).
 */
export function grantedScopeInTokenResponse(tokenPath: string): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== tokenPath || ctx.status !== 200) return;
    const body = ctx.body as { access_token?: unknown; scope?: unknown } | undefined;
    const scope = grantedScope(ctx as KoaContextWithOIDC);
    if (body && typeof body.access_token === "string" && scope !== undefined) body.scope = scope;
  };
}

/**
 * The `scope` claim of a JWT access token names every granted scope too, as IdentityServer's does. The API checks
 * audience, issuer and signature, never this claim, so the wider list changes nothing it accepts.
 */
export const grantedScopeInAccessToken: JwtCustomizer = (ctx, token, jwt) => {
  if (token.kind !== "AccessToken") return;
  const scope = grantedScope(ctx);
  if (scope !== undefined) jwt.payload["scope"] = scope;
};
