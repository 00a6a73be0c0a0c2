import type * as OidcProviderModule from "oidc-provider";
import type { Provider, ResourceServer, TokenEndpointGrantContext } from "oidc-provider";
import { API_RESOURCE, API_SCOPE } from "../apiResource";
import { findAccount } from "./accounts";
import { FAILURE_MESSAGES, checkCredentials } from "./checkCredentials";

/** MediaValet's clients send `openid api` (and `offline_access` for a refresh token); that is also the default. */
const DEFAULT_SCOPE = "openid api";

interface PasswordParams {
  username?: string;
  password?: string;
  scope?: string;
}

export interface PasswordGrantOptions {
  oidc: typeof OidcProviderModule;
  /** The OIDC scopes the provider knows; with `api`, the only scopes a password grant may ask for. */
  oidcScopes: readonly string[];
  resourceServer: () => ResourceServer;
}

/**
 * Resource owner password credentials (`grant_type=password`), which oidc-provider leaves to the deployment. As
 * MediaValet answers it (its Postman samples; IdentityServer never issues an id_token from this grant): a JWT access
 * token for the API with `api` and a refresh token with `offline_access` when the client may refresh, and no id_token
 * even when `openid` is asked for — the client learns who signed in from `GET /users/current`. Only a client that
 * authenticates may use it. Wrong credentials and locked accounts are `invalid_grant`, as IdentityServer answers them.
 */
export function registerPasswordGrant(provider: Provider, options: PasswordGrantOptions): void {
  const { errors } = options.oidc;
  const known = new Set([...options.oidcScopes, API_SCOPE]);

  const handler = async (ctx: TokenEndpointGrantContext<PasswordParams>): Promise<void> => {
    const { client, params } = ctx.oidc;
    // The client metadata already limits the grant to confidential clients; this keeps it so if one is misconfigured.
    if (client.clientAuthMethod === "none") {
      throw new errors.UnauthorizedClient("the password grant needs a client that authenticates");
    }
    if (!params.username || !params.password) {
      throw new errors.InvalidRequest("username and password are required");
    }
    const requested = [...new Set((params.scope || DEFAULT_SCOPE).split(" ").filter(Boolean))];
    const unknown = requested.filter((scope) => !known.has(scope));
    if (unknown.length > 0)
      throw new errors.InvalidScope("requested scope is not allowed", unknown.join(" "));

    const check = checkCredentials(params.username, params.password);
    if (!check.ok) throw new errors.CustomOIDCProviderError("invalid_grant", FAILURE_MESSAGES[check.failure]);
    const { user } = check;

    const oidcScopes = requested.filter(
      (scope) =>
        scope !== API_SCOPE && (scope !== "offline_access" || client.grantTypeAllowed("refresh_token")),
    );
    const wantsApi = requested.includes(API_SCOPE);
    const scope = [...oidcScopes, ...(wantsApi ? [API_SCOPE] : [])].join(" ");

    const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
    grant.addOIDCScope(oidcScopes.join(" "));
    if (wantsApi) grant.addResourceScope(API_RESOURCE, API_SCOPE);
    const grantId = await grant.save();
    const account = await findAccount(ctx, user.id);
    if (!account) throw new errors.InvalidGrant("the account no longer exists");
    ctx.oidc.entity("Account", account);
    ctx.oidc.entity("Grant", grant);

    const accessToken = new provider.AccessToken({
      accountId: user.id,
      client,
      grantId,
      gty: "password",
      // Every granted scope, as IdentityServer's access tokens name them (identity scopes included).
      scope,
    });
    if (wantsApi)
      accessToken.resourceServer = new provider.ResourceServer(API_RESOURCE, options.resourceServer());
    ctx.oidc.entity("AccessToken", accessToken);
    const accessTokenValue = await accessToken.save();

    let refreshTokenValue: string | undefined;
    if (oidcScopes.includes("offline_access")) {
      const refreshToken = new provider.RefreshToken({
        accountId: user.id,
        client,
        grantId,
        gty: "password",
        scope,
        rotations: 0,
        ...(wantsApi ? { resource: API_RESOURCE } : {}),
      });
      ctx.oidc.entity("RefreshToken", refreshToken);
      refreshTokenValue = await refreshToken.save();
    }

    ctx.body = {
      access_token: accessTokenValue,
      expires_in: accessToken.expiration,
      token_type: "Bearer",
      ...(refreshTokenValue === undefined ? {} : { refresh_token: refreshTokenValue }),
      // IdentityServer names every granted scope here, not just the API's.
      scope,
    };
  };

  provider.registerGrantType("password", handler, ["username", "password", "scope"]);
}
