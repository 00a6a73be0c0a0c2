import type { ClientMetadata } from "oidc-provider";

export const VALET_CLIENT_ID = "valet";
/**
 * Valet as a confidential client, for a deployment whose MediaValet client comes with a secret: the browser runs the
 * same code flow (PKCE included), and the token relay beside the site adds the secret on its way to the token and
 * revocation endpoints. The secret never reaches a browser.
 */
export const CONFIDENTIAL_CLIENT_ID = "valet-confidential";
export const CONFIDENTIAL_CLIENT_SECRET = "sandbox-confidential-secret";
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

/** The code flow of Valet served from `appOrigins`: exact callback and post-logout URIs, as Support whitelists them. */
function appCodeFlow(
  appOrigins: readonly string[],
  appBasePath: string,
): Pick<
  ClientMetadata,
  "application_type" | "response_types" | "redirect_uris" | "post_logout_redirect_uris"
> {
  return {
    application_type: "web",
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
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    ...appCodeFlow(appOrigins, appBasePath),
  };
}

/**
 * Valet with a secret: the same URIs as {@link valetClient}, PKCE accepted (Valet still sends it) but not required,
 * and the password grant for a deployment that turns password sign-in on. It must authenticate on the token and
 * revocation endpoints; `client_secret_post` is what MediaValet documents for the code exchange and the refresh, and
 * oidc-provider takes a Basic header from a `client_secret_post` client as well, as IdentityServer does.
 */
export function confidentialClient(appOrigins: readonly string[], appBasePath: string): ClientMetadata {
  return {
    client_id: CONFIDENTIAL_CLIENT_ID,
    client_secret: CONFIDENTIAL_CLIENT_SECRET,
    client_name: "Valet (confidential, through the token relay)",
    token_endpoint_auth_method: "client_secret_post",
    grant_types: ["authorization_code", "refresh_token", "password"],
    ...appCodeFlow(appOrigins, appBasePath),
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
 * AllowedCorsOrigins): the app origins for Valet's public client only. The confidential client and the integration
 * hold secrets, so only servers call them (the relay, a script), and a request with an Origin is refused. An origin
 * some client lists may also read discovery and the JWKS; any other origin gets no CORS headers (see corsPolicy).
 */
export function corsOriginsByClient(appOrigins: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map([[VALET_CLIENT_ID, new Set(appOrigins)]]);
}
