import { ApiError } from "./ApiError";
import { parseRetryAfter } from "./parseRetryAfter";
import type { ErrorBody } from "./readErrorBody";

/**
 * Turns a failed (non-2xx) answer into an ApiError. A 401 here means nobody could or should renew the token; the
 * client deals with renewable 401s before calling this.
 * @param action what the request does, completing "You are not allowed to …"; a 403 names it
 */
export function errorFromStatus(
  status: number,
  headers: Headers,
  body: ErrorBody,
  action?: string,
): ApiError {
  const said = body.message;
  if (status === 401) {
    return new ApiError(
      "unauthorized",
      said ?? `MediaValet did not accept the sign-in for this request (${status}).`,
      {
        status,
      },
    );
  }
  if (status === 403) {
    const refusal = `You are not allowed to ${action ?? "do this"} in MediaValet (${status}).`;
    return new ApiError("forbidden", said === undefined ? refusal : `${refusal} MediaValet said: ${said}`, {
      status,
    });
  }
  if (status === 404) {
    return new ApiError(
      "not_found",
      said ?? `MediaValet has no such item (${status}); it may have been removed.`,
      {
        status,
      },
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers.get("Retry-After"));
    const wait =
      retryAfterSeconds === undefined
        ? "in a little while"
        : `in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`;
    const message = said ?? `MediaValet is receiving too many requests (${status}); try again ${wait}.`;
    return new ApiError("throttled", message, { status, retryAfterSeconds });
  }
  if (status >= 500) {
    return new ApiError(
      "server_error",
      said ?? `MediaValet had a problem answering (${status}); try again later.`,
      {
        status,
      },
    );
  }
  return new ApiError("request_failed", said ?? `MediaValet turned the request down (${status}).`, {
    status,
  });
}
