import { isRecord } from "./isRecord";
import { normalizeEnvelope } from "./normalizeEnvelope";

/** What an error response says about itself. */
export interface ErrorBody {
  /** The server's own explanation, when it gave one. */
  message?: string;
  /**
   * True when the API gateway (Azure API Management) answered rather than MediaValet: its `{ statusCode, message }`
   * 401 means a missing or wrong subscription key, which renewing the access token cannot fix.
   */
  fromGateway: boolean;
}

const MAX_MESSAGE_LENGTH = 300;

/**
 * Reads an error response body in any of the shapes MediaValet is known to send: an envelope with `errors`, the
 * gateway's `{ statusCode, message }`, ASP.NET's `{ Message, ExceptionMessage }`, or an empty or plain-text body.
 */
export function readErrorBody(text: string): ErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { fromGateway: false };
  }
  const envelope = normalizeEnvelope(body);
  const first = envelope?.errors[0];
  if (first !== undefined && typeof first.message === "string" && first.message !== "") {
    return { message: clip(first.message), fromGateway: false };
  }
  if (!isRecord(body)) return { fromGateway: false };
  // ExceptionMessage is deliberately ignored: it describes server internals, not anything a person can act on.
  const message = body["message"] ?? body["Message"];
  const fromGateway = "statusCode" in body && typeof body["message"] === "string";
  return typeof message === "string" && message !== ""
    ? { message: clip(message), fromGateway }
    : { fromGateway: false };
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : message;
}
