import type * as OidcProviderModule from "oidc-provider";
import type { Configuration, KoaContextWithOIDC, Provider, RefreshToken } from "oidc-provider";
import { API_AUDIENCE, API_RESOURCE, API_SCOPE } from "../apiResource";
import { CLAIMS_BY_SCOPE, extraTokenClaims, findAccount } from "./accounts";
import { clientOrigins, valetClient } from "./clients";
import { loadExistingGrant } from "./implicitConsent";
import { createMemoryAdapterFactory } from "./memoryAdapter";
import { restoreOfflineAccess } from "./offlineAccess";
import { logoutSource, postLogoutSuccessSource, renderError } from "./providerPages";
import type { SigningKeys } from "./signingKeys";

/** MediaValet's paths (IdentityServer's), not oidc-provider's defaults. */
export const ROUTES = {
  authorization: "/connect/authorize",
  token: "/connect/token",
  userinfo: "/connect/userinfo",
  end_session: "/connect/endsession",
  revocation: "/connect/revocation",
  introspection: "/connect/introspect",
  pushed_authorization_request: "/connect/par",
  jwks: "/.well-known/openid-configuration/jwks",
} as const;

const AUTHORIZATION_CODE_TTL = 60;
const ID_TOKEN_TTL = 60 * 60;
const REFRESH_TOKEN_TTL = 30 * 24 * 60 * 60;
const INTERACTION_TTL = 60 * 60;
const SESSION_TTL = 14 * 24 * 60 * 60;

export interface ProviderSettings {
  oidc: typeof OidcProviderModule;
  issuer: string;
  appOrigins: readonly string[];
  appBasePath: string;
  keys: SigningKeys;
  cookieKeys: string[];
  accessTokenTtl: number;
}

/** A rotated refresh token keeps its predecessor's expiry: the lifetime is absolute, as IdentityServer's default. */
function refreshTokenTtl(ctx: KoaContextWithOIDC | undefined): number {
  const rotated = ctx?.oidc.entities.RotatedRefreshToken as RefreshToken | undefined;
  return rotated ? rotated.remainingTTL : REFRESH_TOKEN_TTL;
}

export function createProvider(settings: ProviderSettings): Provider {
  const { oidc, accessTokenTtl } = settings;

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: [valetClient(settings.appOrigins, settings.appBasePath)],
    jwks: settings.keys.privateJwks(),
    cookies: { keys: settings.cookieKeys },
    routes: ROUTES,
    findAccount,
    claims: CLAIMS_BY_SCOPE,
    scopes: ["openid", "offline_access", "profile", "email"],
    conformIdTokenClaims: false,
    extraTokenClaims,
    extraParams: { offline_access_restore: restoreOfflineAccess },
    loadExistingGrant,
    rotateRefreshToken: true,
    pkce: { required: (_ctx, client) => client.clientAuthMethod === "none" },
    clientBasedCORS: (_ctx, origin, client) => clientOrigins(client).has(origin),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: AUTHORIZATION_CODE_TTL,
      ClientCredentials: accessTokenTtl,
      IdToken: ID_TOKEN_TTL,
      RefreshToken: refreshTokenTtl,
      Interaction: INTERACTION_TTL,
      Session: SESSION_TTL,
      Grant: SESSION_TTL,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) =>
          client.clientAuthMethod !== "none" || token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== API_RESOURCE) throw new oidc.errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenFormat: "jwt",
            accessTokenTTL: accessTokenTtl,
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
  };

  return new oidc.Provider(settings.issuer, configuration);
}
