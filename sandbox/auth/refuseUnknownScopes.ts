import type { Client, KoaContextWithOIDC } from "oidc-provider";
import type * as OidcProviderModule from "oidc-provider";

/**
 * oidc-provider quietly drops scopes it does not know from an authorization request; IdentityServer refuses them
 * with `invalid_scope`, and so does the stand-in, so a typo in a client's configuration shows up at once. Runs as an
 * `extraParams` validator (after the client and redirect URI are checked, so the error goes back to the client).
 */
export function refuseUnknownScopes(
  oidc: typeof OidcProviderModule,
  known: readonly string[],
): (ctx: KoaContextWithOIDC, value: string | undefined, client: Client) => void {
  const allowed = new Set(known);
  return (ctx) => {
    const { oidc: context } = ctx;
    if (context.route !== "authorization") return;
    const raw = ctx.method === "POST" ? context.body?.["scope"] : ctx.query["scope"];
    const unknown = (typeof raw === "string" ? raw.split(" ") : []).filter(
      (scope) => scope !== "" && !allowed.has(scope),
    );
    if (unknown.length > 0)
      throw new oidc.errors.InvalidScope("requested scope is not supported", unknown.join(" "));
  };
}
