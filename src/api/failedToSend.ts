import { ApiError } from "./ApiError";

/** The error for a call that never got a whole answer: "aborted" when it was cancelled, else "network_error". */
export function failedToSend(error: unknown, signal: AbortSignal | undefined, host: string): ApiError {
  if (signal?.aborted === true || isAbortError(error)) {
    return new ApiError("aborted", "The request to MediaValet was cancelled.", { cause: error });
  }
  const reason = error instanceof Error ? `: ${error.message}` : "";
  return new ApiError(
    "network_error",
    `Could not reach MediaValet at ${host}${reason}. Check your connection and try again.`,
    { cause: error },
  );
}

function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
