import type { ClientMetadata } from "oidc-provider";

export const VALET_CLIENT_ID = "valet";
/**
 * The public client of a deployment that turns password sign-in on: Valet's normal code flow and, besides it, the
 * password grant, so one client id serves both buttons of the start page.
 */
export const PASSWORD_CLIENT_ID = "valet-password";
/** A confidential client, as MediaValet Support issues them to integrators (id and secret). */
export const INTEGRATION_CLIENT_ID = "sandbox-integration";
export const INTEGRATION_CLIENT_SECRET = "sandbox-integration-secret";
/**
 * Where the integration client may receive codes: a loopback port for scripts and curl, and the Postman callbacks
 * that MediaValet whitelists for every client.
 */
export const INTEGRATION_REDIRECT_URIS = [
  "http://127.0.0.1:8765/callback",
  "https://www.getpostman.com/oauth2/callback",
  "https://oauth.pstmn.io/v1/callback",
];

/** The code flow of a public client served from `appOrigins`: PKCE (required for every public client), exact URIs. */
function publicCodeFlow(
  appOrigins: readonly string[],
  appBasePath: string,
): Pick<
  ClientMetadata,
  | "application_type"
  | "token_endpoint_auth_method"
  | "response_types"
  | "redirect_uris"
  | "post_logout_redirect_uris"
> {
  return {
    application_type: "web",
    token_endpoint_auth_method: "none",
    response_types: ["code"],
    redirect_uris: appOrigins.map((origin) => `${origin}${appBasePath}callback`),
    post_logout_redirect_uris: appOrigins.map((origin) => `${origin}${appBasePath}`),
  };
}

/**
 * Valet: a public client (a static site cannot keep a secret) that must use PKCE. Each origin the app is served from
 * registers its exact callback and post-logout URIs, as MediaValet Support would whitelist them.
 */
export function valetClient(appOrigins: readonly string[], appBasePath: string): ClientMetadata {
  return {
    client_id: VALET_CLIENT_ID,
    client_name: "Valet",
    grant_types: ["authorization_code", "refresh_token"],
    ...publicCodeFlow(appOrigins, appBasePath),
  };
}

/**
 * Valet with password sign-in turned on: everything {@link valetClient} may do (the same URIs, PKCE), plus the
 * resource owner password grant. A deployment has one client id, and the "Sign in" button still uses the code flow.
 */
export function passwordClient(appOrigins: readonly string[], appBasePath: string): ClientMetadata {
  return {
    client_id: PASSWORD_CLIENT_ID,
    client_name: "Valet (password sign-in allowed)",
    grant_types: ["authorization_code", "refresh_token", "password"],
    ...publicCodeFlow(appOrigins, appBasePath),
  };
}

/**
 * A server-side integration with a secret, as MediaValet registers them: code flow (PKCE optional), refresh tokens,
 * the password grant and client credentials. The secret may be sent with Basic auth or in the form body.
 */
export function integrationClient(): ClientMetadata {
  return {
    client_id: INTEGRATION_CLIENT_ID,
    client_secret: INTEGRATION_CLIENT_SECRET,
    client_name: "Sandbox integration",
    application_type: "web",
    token_endpoint_auth_method: "client_secret_basic",
    grant_types: ["authorization_code", "refresh_token", "password", "client_credentials"],
    response_types: ["code"],
    redirect_uris: INTEGRATION_REDIRECT_URIS,
  };
}

/**
 * Which browser origins may call the token, revocation and userinfo endpoints for each client (IdentityServer's
 * AllowedCorsOrigins): the app origins for both of Valet's clients, and none for the integration, which runs on a
 * server.
 */
export function corsOriginsByClient(appOrigins: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> {
  const origins = new Set(appOrigins);
  return new Map([
    [VALET_CLIENT_ID, origins],
    [PASSWORD_CLIENT_ID, origins],
  ]);
}
