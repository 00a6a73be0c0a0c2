import { badResponse } from "./badResponse";
import { normalizeEnvelope } from "./normalizeEnvelope";
import type { Envelope } from "./types";

/** The envelope of a successful answer's body. */
export function parseEnvelope<T>(status: number, text: string): Envelope<T> {
  // Some writes answer 202/204 with nothing at all; that is success, with no payload to give back.
  if (text.trim() === "" && (status === 202 || status === 204)) {
    return { apiVersion: "", warnings: [], errors: [], payload: undefined as T };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badResponse("it is not JSON", error);
  }
  const envelope = normalizeEnvelope(body);
  if (envelope === undefined) throw badResponse("it has no payload");
  return envelope as Envelope<T>;
}
