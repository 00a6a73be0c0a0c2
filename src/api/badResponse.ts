import { ApiError } from "./ApiError";

/** The error for an answer Valet cannot read: not JSON, no envelope, or a payload without the expected outline. */
export function badResponse(reason: string, cause?: unknown): ApiError {
  return new ApiError("bad_response", `MediaValet sent a response Valet cannot read: ${reason}.`, { cause });
}
