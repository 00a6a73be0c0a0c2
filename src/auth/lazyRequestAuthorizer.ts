import { instanceFrom, loadOnce } from "../lib/loadOnce";
import type {
  RequestAuthorizer,
  RequestAuthorizerOptions,
  RefusedRequest,
  RequestToAuthorize,
} from "./createRequestAuthorizer";

/** The request authorizer's code: one import, whether the page preloads it or the first API call needs it. */
export const loadRequestAuthorizerCode = /* @__PURE__ */ loadOnce(() => import("./createRequestAuthorizer"));

/**
 * {@link createRequestAuthorizer}, loaded with the first API call (which loads the API client too): the first page
 * of a signed-out visitor carries none of it. One instance, so concurrent 401s still share one renewal; once its code
 * is there (preloaded), `authorizeNow` answers as the loaded one does.
 */
export function lazyRequestAuthorizer(options: RequestAuthorizerOptions): RequestAuthorizer {
  const authorizer = instanceFrom(loadRequestAuthorizerCode, ({ createRequestAuthorizer }) =>
    createRequestAuthorizer(options),
  );
  const authorize = async (request: RequestToAuthorize) => (await authorizer()).authorize(request);
  const authorizeNow = (request: RequestToAuthorize) => authorizer.now()?.authorizeNow(request);
  // Present exactly when the real one has it, so a 401 without any renewal is reported as it is.
  const renew = async (rejected: RefusedRequest) => (await (await authorizer()).renew?.(rejected)) ?? false;
  return options.renewToken || options.dpop
    ? { authorize, authorizeNow, renew }
    : { authorize, authorizeNow };
}
