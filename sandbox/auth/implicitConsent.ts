import type { Grant, KoaContextWithOIDC, PromptDetail, Provider } from "oidc-provider";

/**
 * Every client of the sandbox is one of MediaValet's own registered applications, so the user is never asked to
 * consent: the grant simply covers what the request asks for. Used as oidc-provider's `loadExistingGrant`, this
 * keeps the consent prompt from ever firing on a normal sign-in.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  const { client, session } = oidc;
  if (!client || !session?.accountId) return undefined;

  const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing?.accountId === session.accountId
      ? existing
      : new oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });

  grant.addOIDCScope(oidc.requestParamOIDCScopes);
  const claims = [...oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
    const scopes = [...oidc.requestParamScopes].filter((scope) => server.scopes.has(scope));
    if (scopes.length > 0) grant.addResourceScope(indicator, scopes);
  }
  await grant.save();
  return grant;
}

/**
 * For the cases `loadExistingGrant` cannot pre-empt (a client sending `prompt=consent`): grant exactly what the
 * consent prompt reports missing, and carry on without showing anything.
 */
export async function grantMissing(
  provider: Provider,
  interaction: { grantId?: string | undefined; params: Record<string, unknown>; prompt: PromptDetail },
  accountId: string,
): Promise<string> {
  const clientId = String(interaction.params["client_id"]);
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ clientId, accountId });
  const details = interaction.prompt.details;

  const scopes = details["missingOIDCScope"];
  if (Array.isArray(scopes)) grant.addOIDCScope(scopes.map(String));
  const claims = details["missingOIDCClaims"];
  if (Array.isArray(claims)) grant.addOIDCClaims(claims.map(String));
  const resourceScopes = details["missingResourceScopes"];
  if (resourceScopes && typeof resourceScopes === "object") {
    for (const [indicator, list] of Object.entries(resourceScopes)) {
      if (Array.isArray(list)) grant.addResourceScope(indicator, list.map(String));
    }
  }
  return grant.save();
}
