import { isRecord } from "./isRecord";
import type { ApiErrorDetail, Envelope, RecordCount } from "./types";

/**
 * Reads a parsed response body as MediaValet's envelope, or returns undefined when it is not one (no `payload`).
 *
 * MediaValet documents the envelope in PascalCase with warnings and errors inside `Meta`, while the wire is
 * camelCase with them at the top; both are accepted. Only the envelope is normalised: the payload is returned
 * untouched, because some of its keys (attribute ids) are data, not names.
 */
export function normalizeEnvelope(body: unknown): Envelope<unknown> | undefined {
  if (!isRecord(body)) return undefined;
  const top = camelCaseKeys(body);
  if (!("payload" in top)) return undefined;
  const meta = isRecord(top["meta"]) ? camelCaseKeys(top["meta"]) : undefined;

  const envelope: Envelope<unknown> = {
    apiVersion: typeof top["apiVersion"] === "string" ? top["apiVersion"] : "",
    warnings: listOf(top["warnings"] ?? meta?.["warnings"]),
    errors: listOf(top["errors"] ?? meta?.["errors"]).map(toErrorDetail),
    payload: top["payload"],
  };
  if (meta !== undefined) envelope.meta = meta;
  const recordCount = toRecordCount(top["recordCount"]);
  if (recordCount !== undefined) envelope.recordCount = recordCount;
  return envelope;
}

/** Lower-cases the first letter of each key; where both spellings exist, the camelCase one (the wire's) wins. */
function camelCaseKeys(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const camel = key.charAt(0).toLowerCase() + key.slice(1);
    if (camel === key || !(camel in record)) result[camel] = value;
  }
  return result;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function toErrorDetail(value: unknown): ApiErrorDetail {
  if (isRecord(value)) return camelCaseKeys(value);
  return { message: String(value) };
}

function toRecordCount(value: unknown): RecordCount | undefined {
  if (!isRecord(value)) return undefined;
  const counts = camelCaseKeys(value);
  const total = counts["totalRecordsFound"];
  if (typeof total !== "number") return undefined;
  const starting = counts["startingRecord"];
  const returned = counts["recordsReturned"];
  return {
    totalRecordsFound: total,
    startingRecord: typeof starting === "number" ? starting : 0,
    recordsReturned: typeof returned === "number" ? returned : 0,
  };
}
