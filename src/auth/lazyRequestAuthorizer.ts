import { loadOnce } from "../lib/loadOnce";
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
 * of a signed-out visitor carries none of it. One instance, so concurrent 401s still share one renewal.
 */
export function lazyRequestAuthorizer(options: RequestAuthorizerOptions): RequestAuthorizer {
  let loaded: Promise<RequestAuthorizer> | undefined;
  const authorizer = () =>
    (loaded ??= loadRequestAuthorizerCode().then(({ createRequestAuthorizer }) =>
      createRequestAuthorizer(options),
    ));
  const authorize = async (request: RequestToAuthorize) => (await authorizer()).authorize(request);
  // Present exactly when the real one has it, so a 401 without any renewal is reported as it is.
  const renew = async (rejected: RefusedRequest) => (await (await authorizer()).renew?.(rejected)) ?? false;
  return options.renewToken || options.dpop ? { authorize, renew } : { authorize };
}
