import type { KoaContextWithOIDC, Client } from "oidc-provider";

/**
 * oidc-provider drops `offline_access` from an authorization request unless it also says `prompt=consent`, so no
 * refresh token would ever come back. MediaValet (IdentityServer) issues one whenever `offline_access` is asked for.
 * This runs as an `extraParams` validator, i.e. right after oidc-provider's scope check, and puts the scope back
 * when the client asked for it, may use refresh tokens and asked for a code. The code then carries
 * `offline_access`, and oidc-provider's `issueRefreshToken` policy issues (and rotation keeps renewing) the token.
 */
export function restoreOfflineAccess(
  ctx: KoaContextWithOIDC,
  _value: string | undefined,
  client: Client,
): void {
  const { oidc } = ctx;
  if (oidc.route !== "authorization") return;

  const raw = ctx.method === "POST" ? oidc.body?.["scope"] : ctx.query["scope"];
  const requested = typeof raw === "string" ? raw.split(" ") : [];
  const responseType = oidc.params?.["response_type"];
  if (
    !requested.includes("offline_access") ||
    !client.grantTypeAllowed("refresh_token") ||
    typeof responseType !== "string" ||
    !responseType.split(" ").includes("code")
  ) {
    return;
  }

  const current = typeof oidc.params?.["scope"] === "string" ? oidc.params["scope"].split(" ") : [];
  if (!current.includes("offline_access")) {
    (oidc.params as Record<string, unknown>)["scope"] = [...current, "offline_access"].join(" ");
  }
}
