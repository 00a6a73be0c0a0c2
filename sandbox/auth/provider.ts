import type * as OidcProviderModule from "oidc-provider";
import type {
  Configuration,
  KoaContextWithOIDC,
  Provider,
  RefreshToken,
  ResourceServer,
} from "oidc-provider";
import type { Lifetimes } from "../control/controlTypes";
import { API_AUDIENCE, API_RESOURCE, API_SCOPE } from "../apiResource";
import { CLAIMS_BY_SCOPE, extraTokenClaims, findAccount } from "./accounts";
import { confidentialClient, corsOriginsByClient, integrationClient, valetClient } from "./clients";
import { grantedScopeInAccessToken } from "./grantedScope";
import { loadExistingGrant } from "./implicitConsent";
import type { MemoryAdapterFactory } from "./memoryAdapter";
import { restoreOfflineAccess } from "./offlineAccess";
import { registerPasswordGrant } from "./passwordGrant";
import { refuseUnknownScopes } from "./refuseUnknownScopes";
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

/** MediaValet's documented code lifetime, IdentityServer's id_token and (absolute) refresh token lifetimes. */
export const DEFAULT_LIFETIMES: Omit<Lifetimes, "accessToken"> = {
  code: 60,
  idToken: 60 * 60,
  refreshToken: 30 * 24 * 60 * 60,
};
const INTERACTION_TTL = 60 * 60;
const SESSION_TTL = 14 * 24 * 60 * 60;

export interface ProviderSettings {
  oidc: typeof OidcProviderModule;
  issuer: string;
  appOrigins: readonly string[];
  appBasePath: string;
  keys: SigningKeys;
  cookieKeys: string[];
  /** Shared across rebuilds of the provider, so nothing stored is lost when the keys rotate. */
  adapter: MemoryAdapterFactory;
  /** Read whenever a token is issued, so the test controls can change lifetimes while the server runs. */
  lifetimes: () => Lifetimes;
}

/**
 * A rotated refresh token keeps its predecessor's expiry: the lifetime is absolute, as IdentityServer's default. A
 * lifetime shortened since (by the test controls) applies to rotated tokens too.
 */
function refreshTokenTtl(ctx: KoaContextWithOIDC | undefined, configured: number): number {
  const rotated = ctx?.oidc.entities.RotatedRefreshToken as RefreshToken | undefined;
  return rotated ? Math.max(1, Math.min(rotated.remainingTTL, configured)) : configured;
}

/** The OIDC scopes; `api` is the resource server's scope and must not be listed here (see STACK-NOTES). */
const OIDC_SCOPES = ["openid", "offline_access", "profile", "email"];

export function createProvider(settings: ProviderSettings): Provider {
  const { oidc, lifetimes } = settings;
  const corsOrigins = corsOriginsByClient(settings.appOrigins);
  const resourceServer = (): ResourceServer => ({
    scope: API_SCOPE,
    audience: API_AUDIENCE,
    accessTokenFormat: "jwt",
    accessTokenTTL: lifetimes().accessToken,
    jwt: { sign: { alg: "RS256" } },
  });

  const configuration: Configuration = {
    adapter: settings.adapter,
    clients: [
      valetClient(settings.appOrigins, settings.appBasePath),
      confidentialClient(settings.appOrigins, settings.appBasePath),
      integrationClient(),
    ],
    jwks: settings.keys.privateJwks(),
    cookies: { keys: settings.cookieKeys },
    routes: ROUTES,
    findAccount,
    claims: CLAIMS_BY_SCOPE,
    scopes: OIDC_SCOPES,
    conformIdTokenClaims: false,
    extraTokenClaims,
    formats: { customizers: { jwt: grantedScopeInAccessToken } },
    // Neither is a real parameter: both are hooks that run on every authorization request.
    extraParams: {
      offline_access_restore: restoreOfflineAccess,
      unknown_scopes_refused: refuseUnknownScopes(oidc, [...OIDC_SCOPES, API_SCOPE]),
    },
    loadExistingGrant,
    rotateRefreshToken: true,
    pkce: { required: (_ctx, client) => client.clientAuthMethod === "none" },
    clientBasedCORS: (_ctx, origin, client) => corsOrigins.get(client.clientId)?.has(origin) === true,
    ttl: {
      AccessToken: () => lifetimes().accessToken,
      AuthorizationCode: () => lifetimes().code,
      ClientCredentials: () => lifetimes().accessToken,
      IdToken: () => lifetimes().idToken,
      RefreshToken: (ctx) => refreshTokenTtl(ctx, lifetimes().refreshToken),
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
          return resourceServer();
        },
      },
      // MediaValet's "coming soon" grant: a confidential client's own token for the API, with no user.
      clientCredentials: { enabled: true },
      // MediaValet's discovery advertises DPoP: a token request with a proof gets a token bound to its key
      // (`cnf.jkt`, token_type DPoP), and a public client's refresh token is bound too. No server nonce is
      // required (RFC 9449 makes it optional), and without a proof tokens stay bearer tokens.
      dPoP: { enabled: true },
    },
  };

  const provider = new oidc.Provider(settings.issuer, configuration);
  registerPasswordGrant(provider, { oidc, oidcScopes: OIDC_SCOPES, resourceServer });
  return provider;
}
