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
}
