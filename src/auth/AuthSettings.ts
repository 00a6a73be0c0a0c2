import type { LoadIdentity } from "./session/passwordSession";

/** What the auth binding needs to know about this deployment; main.tsx maps the runtime config onto it. */
export interface AuthSettings {
  /** The auth server's base URL; discovery is read from `${authority}/.well-known/openid-configuration`. */
  authority: string;
  /** The issuer the auth server must name; MediaValet's differs from its host. */
  issuer: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The app's base path, starting and ending with "/"; return paths must stay under it. */
  basePath: string;
  /**
   * The token relay beside the site, for a confidential client: token and revocation requests go through it (it
   * adds the client secret, which never reaches the browser). Absent or null for a public client.
   */
  tokenRelayUrl?: string | null;
  /** Whether token requests carry DPoP proofs, so the tokens are bound to this browser's key (RFC 9449). */
  dpop?: boolean;
  /** Who holds an access token, from the API: the identity of a password session, which has no id_token. */
  loadIdentity?: LoadIdentity;
}
