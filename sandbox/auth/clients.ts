import type { ClientMetadata } from "oidc-provider";

export const VALET_CLIENT_ID = "valet";

/**
 * Valet: a public client (a static site cannot keep a secret) that must use PKCE. Each origin the app is served from
 * registers its exact callback and post-logout URIs, as MediaValet Support would whitelist them.
 */
export function valetClient(appOrigins: readonly string[], appBasePath: string): ClientMetadata {
  return {
    client_id: VALET_CLIENT_ID,
    client_name: "Valet",
    application_type: "web",
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: appOrigins.map((origin) => `${origin}${appBasePath}callback`),
    post_logout_redirect_uris: appOrigins.map((origin) => `${origin}${appBasePath}`),
  };
}

/** CORS for browser calls to the token, revocation and userinfo endpoints: a client's own redirect origins only. */
export function clientOrigins(client: { redirectUris?: readonly string[] | undefined }): Set<string> {
  return new Set((client.redirectUris ?? []).map((uri) => new URL(uri).origin));
}
