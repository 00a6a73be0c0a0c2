import { ApiError } from "./ApiError";

/** The error for a 401 that a freshly renewed token got too: a refusal or a broken session, nobody can tell which. */
export function notAllowedOrSession(action: string | undefined, said: string | undefined): ApiError {
  const what = action ?? "do this";
  const message =
    `MediaValet refused to let you ${what}, even with a freshly renewed sign-in (401). Either your account is not ` +
    "allowed to do it, or there is a problem with your session; if it keeps happening, ask your MediaValet " +
    "administrator, or sign out and in again.";
  return new ApiError(
    "not_allowed_or_session",
    said === undefined ? message : `${message} MediaValet said: ${said}`,
    {
      status: 401,
    },
  );
}
