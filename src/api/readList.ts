import { badResponse } from "./badResponse";
import { isRecord } from "./isRecord";

/** A payload that must be a list of objects. Checks only the outline: the items' fields are MediaValet's to define. */
export function readList<T>(payload: unknown, what: string): T[] {
  if (!Array.isArray(payload) || !payload.every(isRecord))
    throw badResponse(`${what} is missing from the response`);
  return payload as T[];
}
