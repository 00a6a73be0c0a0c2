import type { IncomingMessage } from "node:http";
import { readBody } from "../http";
import { ApiError } from "./apiError";

/**
 * Reads a JSON request body. `accepted` lists the media types the endpoint takes (e.g. `application/json-patch+json`
 * besides `application/json`); anything else is 415, and text that is not JSON is 400.
 */
export async function readJsonBody(
  req: IncomingMessage,
  accepted: readonly string[] = ["application/json"],
): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!accepted.includes(type)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      `Content-Type must be ${accepted.join(" or ")}, not "${type || "none"}".`,
    );
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    throw new ApiError(413, "payload_too_large", "The request body is too large.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "bad_request", "The request body is not valid JSON.");
  }
}
