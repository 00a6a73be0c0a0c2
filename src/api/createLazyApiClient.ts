import { forwardWhenLoaded } from "../lib/forwardWhenLoaded";
import { instanceFrom, loadOnce } from "../lib/loadOnce";
import type { ApiClient, ApiClientOptions } from "./createApiClient";

/** The API client's code: one import, whether the page preloads it or a call needs it. */
export const loadApiClientCode = /* @__PURE__ */ loadOnce(() => import("./createApiClient"));

/** An {@link ApiClient} whose code loads on first use, or earlier when `preload` says a call is coming. */
export interface LazyApiClient extends ApiClient {
  /** Starts loading the client now (e.g. when a session is stored and the first page will call the API). */
  preload(): void;
}

/**
 * The API client, loaded only when a page calls the API: the start page of a signed-out visitor never needs it.
 * Every method of ApiClient returns a promise, so each can wait for the code to arrive. Once the code is there
 * (preloaded), a call goes straight to the client, so its request can leave within the call (see createApiTransport).
 */
export function createLazyApiClient(options: ApiClientOptions): LazyApiClient {
  const client = instanceFrom(loadApiClientCode, ({ createApiClient }) => createApiClient(options));
  return Object.assign(Object.create(forwardWhenLoaded(client, client.now)) as ApiClient, {
    preload: () => void client(),
  });
}
