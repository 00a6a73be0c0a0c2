import { badResponse } from "./badResponse";
import { isRecord } from "./isRecord";

/** A payload that must be one object; `what` names it in the error ("the asset"). */
export function readRecord(payload: unknown, what: string): Record<string, unknown> {
  if (!isRecord(payload)) throw badResponse(`${what} is missing from the response`);
  return payload;
}
