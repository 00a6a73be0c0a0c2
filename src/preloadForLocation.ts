import { hasStoredSession } from "./auth";

/** Code a page load may start fetching before config.json is in, each loader started at most once by its owner. */
export interface Preloads {
  /** oidc-client-ts and the verifying UserManager. */
  authClient(): void;
  /** The API client. */
  apiClient(): void;
  /** The library page, where sign-in from the start page returns. */
  libraryPage(): void;
}

/**
 * Starts fetching the code this page load is about to need, so that it arrives alongside config.json instead of
 * after it: a stored session or a sign-in response means the auth client and an API call are coming, and a sign-in
 * response most often goes on to the library. A wrong guess costs a download, never a failure: every loader is
 * also the one the app uses later, and a failed fetch is retried there.
 * @param search the page's query string (`location.search`)
 * @param storage where sessions are stored
 */
export function preloadForLocation(search: string, storage: Storage, preloads: Preloads): void {
  const query = new URLSearchParams(search);
  const signInResponse = query.has("state") && (query.has("code") || query.has("error"));
  if (!signInResponse && !hasStoredSession(storage)) return;
  preloads.authClient();
  preloads.apiClient();
  if (signInResponse && query.has("code")) preloads.libraryPage();
}
