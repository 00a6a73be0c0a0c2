/** The MediaValet API versions Valet can ask for with `x-mv-api-version`. */
export type ApiVersion = "1.0" | "1.1" | "1.2";

/**
 * This deployment's settings, read from `public/config.json` at run time and validated by `parseConfig`.
 * Every optional setting of the file has been given its default here, so nothing downstream has to.
 */
export interface ValetConfig {
  /** The OpenID Connect server, without a trailing slash. */
  authority: string;
  /** The issuer id_tokens must name exactly; MediaValet's differs from its host, hence a setting of its own. */
  issuer: string;
  clientId: string;
  /** Space-separated; always contains `openid`. */
  scope: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The API root, without a trailing slash, so paths can be appended as `${apiBaseUrl}/assets`. */
  apiBaseUrl: string;
  subscriptionKey: string;
  /** Defaults to 1.2: only from 1.2 on does a missing permission answer 403 rather than 401. */
  apiVersion: ApiVersion;
  /** Minutes without activity in any tab before Valet signs out; null when idle sign-out is off (the default). */
  idleSignOutMinutes: number | null;
  /**
   * Whether the start page also offers a username/password form (the resource owner password grant); false unless
   * the deployment turns it on, and only useful when the auth server allows that grant for `clientId`.
   */
  passwordSignIn: boolean;
  /**
   * The token relay deployed beside the site for a confidential client (it adds the client secret), without a
   * trailing slash; Valet then posts to `${tokenRelayUrl}/token` and `${tokenRelayUrl}/revocation` instead of the
   * endpoints discovery names. Null (the default) for a public client, which talks to the auth server directly.
   */
  tokenRelayUrl: string | null;
  /**
   * Whether tokens are sender-constrained with DPoP (RFC 9449): token requests carry a proof, the API gets
   * `Authorization: DPoP` with a fresh proof per call. False (the default) until the tenant's API is known to
   * accept it; see docs/deploying.md, "DPoP".
   */
  dpop: boolean;
}
