import { ApiError } from "../api/ApiError";
import { messageOf } from "../lib/messageOf";

/**
 * What to tell a person whose action failed. A refusal for lack of permission (403, or a 401 that survived a fresh
 * token, as API version 1.0 says it) gets `permissionAdvice` — who can grant it and what still works — instead of
 * only the status, so it is never a dead end.
 */
export function refusalMessage(failure: unknown, permissionAdvice: string): string {
  if (
    failure instanceof ApiError &&
    (failure.code === "forbidden" || failure.code === "not_allowed_or_session")
  ) {
    return `${failure.message} ${permissionAdvice}`;
  }
  return messageOf(failure);
}
