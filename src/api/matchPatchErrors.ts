import type { RefusedOperation } from "./PatchRefusedError";
import type { ApiErrorDetail, JsonPatchOperation } from "./types";

/**
 * Pairs each error of a PATCH envelope with the operation it is about. MediaValet documents no format for these
 * errors, so the evidence is tried from the most to the least explicit: a `path` (or `field`) property, a JSON
 * Pointer of a sent operation inside the message, then "operation N" (0-based, as sent). An error that names
 * nothing keeps `operation: undefined`, and the caller must treat the whole patch as uncertain.
 */
export function matchPatchErrors(
  operations: readonly JsonPatchOperation[],
  errors: readonly ApiErrorDetail[],
): RefusedOperation[] {
  return errors.map((error) => {
    const message = messageOf(error);
    return {
      operation: byPath(operations, error) ?? byPointer(operations, message) ?? byIndex(operations, message),
      message,
    };
  });
}

function messageOf(error: ApiErrorDetail): string {
  if (typeof error.message === "string" && error.message.trim() !== "") return error.message.trim();
  return typeof error.code === "string" ? `MediaValet refused it (${error.code}).` : "MediaValet refused it.";
}

function byPath(
  operations: readonly JsonPatchOperation[],
  error: ApiErrorDetail,
): JsonPatchOperation | undefined {
  for (const key of ["path", "field", "propertyName"]) {
    const value = error[key];
    if (typeof value !== "string" || value === "") continue;
    const pointer = value.startsWith("/") ? value : `/${value}`;
    const found = operations.find((operation) => operation.path.toLowerCase() === pointer.toLowerCase());
    if (found !== undefined) return found;
  }
  return undefined;
}

function byPointer(
  operations: readonly JsonPatchOperation[],
  message: string,
): JsonPatchOperation | undefined {
  // The longest pointer first, so "/attributes/a12" is not taken for "/attributes/a1".
  const candidates = [...operations].sort((a, b) => b.path.length - a.path.length);
  return candidates.find((operation) => {
    const at = message.indexOf(operation.path);
    if (at < 0) return false;
    const next = message.charAt(at + operation.path.length);
    return !/[\w/-]/.test(next);
  });
}

function byIndex(operations: readonly JsonPatchOperation[], message: string): JsonPatchOperation | undefined {
  const index = /\boperation\s*#?\s*(\d+)/i.exec(message)?.[1];
  return index === undefined ? undefined : operations[Number(index)];
}
