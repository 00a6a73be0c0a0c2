/** How the relay authenticates itself to the token and revocation endpoints (RFC 6749 §2.3.1). */
export type ClientAuthMethod = "client_secret_post" | "client_secret_basic";

/** Everything one relay needs: one upstream pair, one client, the origins Valet is served from. */
export interface RelayOptions {
  /** The auth server's token endpoint, e.g. "https://login.mediavalet.com/connect/token". */
  tokenEndpoint: string;
  /** The auth server's revocation endpoint, e.g. "https://login.mediavalet.com/connect/revocation". */
  revocationEndpoint: string;
  /** The confidential client's id: requests naming any other client are refused. */
  clientId: string;
  /** The confidential client's secret. It lives only here and is never sent back to anyone. */
  clientSecret: string;
  /** Origins Valet is served from, e.g. ["https://valet.example.com"]. Requests from any other origin are refused. */
  allowedOrigins: string[];
  /** Forward the resource owner password grant too (only when the deployment turns password sign-in on). */
  allowPasswordGrant: boolean;
  /**
   * Default "client_secret_post": MediaValet documents the secret in the form body for the code exchange and the
   * refresh. Its password-grant samples use Basic; its server (IdentityServer) accepts either for every grant.
   */
  clientAuth?: ClientAuthMethod;
  /** Largest request body accepted, in bytes. Default 8 KiB: Valet's requests are well under 4 KiB. */
  maxBodyBytes?: number;
  /** The fetch used to reach the auth server; default the global one. Tests pass a stub. */
  fetch?: typeof fetch;
}

export const RELAY_DEFAULTS = {
  clientAuth: "client_secret_post",
  maxBodyBytes: 8 * 1024,
} as const satisfies Partial<RelayOptions>;
