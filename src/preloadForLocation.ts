import { hasStoredSession, toRouterPath } from "./auth";

/** Code a page load may start fetching before config.json is in, each loader started at most once by its owner. */
export interface Preloads {
  /** oidc-client-ts and the verifying UserManager. */
  authClient(): void;
  /** The redirect URI's page, which completes a sign-in. */
  callbackPage(): void;
  /** The id_token verification code (jose), which a sign-in response needs the moment its tokens arrive. */
  verification(): void;
  /** The API client. */
  apiClient(): void;
  /** The library page, where sign-in from the start page returns. */
  libraryPage(): void;
  /** The signed-in page at the router's path, if one is there. */
  signedInPage(path: string): void;
}

/**
 * Starts fetching the code this page load is about to need, so that it arrives alongside config.json instead of
 * after it: a stored session means the auth client, the API client and the page at this path are coming, and a
 * sign-in response means the auth client and its page, going on most often to the library. A sign-in response's
 * id_token is verified the moment the token response arrives, so its verification code comes along too, rather than
 * after the token request (a stored session's renewal is minutes away, and loads it in idle time). (The start page
 * comes with the entry.) A wrong guess costs a download, never a failure: every loader is also the one the app uses
 * later, and a failed fetch is retried there.
 *
 * On a sign-in response, what is needed only once the tokens are in (the API client and the library page) is handed
 * back instead of started: fetched and compiled alongside the token request, they held it back by 15-70 ms; started
 * once it is sent, they load while it is on its way (issue 16).
 * @param location the page's path and query string (`location.pathname`, `location.search`)
 * @param basePath the base path the app is built for, ending in "/"
 * @param storage where sessions are stored
 * @returns for a code exchange, the preloads to start once its token request has been sent
 */
export function preloadForLocation(
  location: { pathname: string; search: string },
  basePath: string,
  storage: Storage,
  preloads: Preloads,
): (() => void) | undefined {
  const query = new URLSearchParams(location.search);
  const signInResponse = query.has("state") && (query.has("code") || query.has("error"));
  const signedIn = hasStoredSession(storage);
  if (!signInResponse && !signedIn) return undefined;
  preloads.authClient();
  if (signInResponse) preloads.callbackPage();
  if (!(signInResponse && query.has("code"))) {
    preloads.apiClient();
    if (!signInResponse) preloads.signedInPage(toRouterPath(location.pathname, basePath));
    return undefined;
  }
  preloads.verification();
  return () => {
    preloads.apiClient();
    preloads.libraryPage();
  };
}
