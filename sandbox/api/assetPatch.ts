import type { ApiErrorEntry } from "./apiError";
import { ApiError } from "./apiError";
import type { Library } from "./library";
import type { AssetRecord } from "./seed/assets";
import type { AttributeRecord } from "./seed/attributes";

const TEXT_FIELDS = ["title", "description", "altText"] as const;
/** Parts of the asset that exist but that a PATCH may not change (they have their own endpoints, or none). */
const READ_ONLY =
  /^\/(id|status|containerName|media|file|record|rating|categories|keywords|permissions|createdAt)(\/|$)/;
type TextField = (typeof TEXT_FIELDS)[number];

/** Why one operation was skipped; the rest of the patch still applies. */
class SkippedOperation extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function textValue(operation: Record<string, unknown>): string {
  const value = operation["value"];
  if (typeof value !== "string") throw new SkippedOperation("value must be a string");
  return value;
}

function checkAttributeValue(attribute: AttributeRecord, value: string): void {
  switch (attribute.attributeType) {
    case "Text":
      return;
    case "Options":
      if (!attribute.optionsList.includes(value)) {
        throw new SkippedOperation(`value must be one of ${attribute.optionsList.join(", ")}`);
      }
      return;
    case "Boolean":
      if (value !== "true" && value !== "false")
        throw new SkippedOperation('value must be "true" or "false"');
      return;
    case "DateTime":
      if (isNaN(Date.parse(value))) throw new SkippedOperation("value must be a date and time");
      return;
  }
}

function applyOne(asset: AssetRecord, operation: unknown, library: Library): void {
  if (!isRecord(operation)) throw new SkippedOperation("an operation must be an object");
  const op = operation["op"];
  const path = operation["path"];
  if (typeof path !== "string") throw new SkippedOperation("path must be a string");

  const field = TEXT_FIELDS.find((name) => path === `/${name}`);
  if (field !== undefined) {
    applyText(asset, field, op, operation);
    return;
  }
  const attributeId = /^\/attributes\/([^/]+)$/.exec(path)?.[1];
  if (attributeId !== undefined) {
    const attribute = library.attribute(attributeId);
    if (!attribute) throw new SkippedOperation(`there is no attribute ${attributeId}`);
    if (op === "remove") {
      if (attribute.isRequired) throw new SkippedOperation(`${attribute.name} is required`);
      delete asset.attributes[attribute.id];
      return;
    }
    if (op !== "replace" && op !== "add") throw new SkippedOperation(`op "${String(op)}" is not supported`);
    const value = textValue(operation);
    checkAttributeValue(attribute, value);
    asset.attributes[attribute.id] = value;
    return;
  }
  if (READ_ONLY.test(path)) throw new SkippedOperation(`${path} is read-only`);
  throw new SkippedOperation(`${path} is not a field of an asset`);
}

function applyText(
  asset: AssetRecord,
  field: TextField,
  op: unknown,
  operation: Record<string, unknown>,
): void {
  if (op === "remove") {
    if (field === "title") throw new SkippedOperation("the title cannot be removed");
    asset[field] = "";
    return;
  }
  if (op !== "replace" && op !== "add") throw new SkippedOperation(`op "${String(op)}" is not supported`);
  const value = textValue(operation);
  if (field === "title" && value.trim() === "") throw new SkippedOperation("the title cannot be empty");
  asset[field] = value;
}

/**
 * `PATCH /assets/{id}` with a JSON Patch (RFC 6902) over `/title`, `/description`, `/altText` and
 * `/attributes/{attributeId}`. As MediaValet does, an operation it cannot apply is skipped and reported, and the
 * others still apply. Returns the report; throws ApiError(400) when the body is not a patch at all.
 */
export function applyAssetPatch(
  asset: AssetRecord,
  patch: unknown,
  library: Library,
  userId: string,
): ApiErrorEntry[] {
  if (!Array.isArray(patch)) {
    throw new ApiError(400, "bad_request", "The body must be a JSON Patch: an array of operations.");
  }
  const errors: ApiErrorEntry[] = [];
  let applied = 0;
  patch.forEach((operation: unknown, index) => {
    try {
      applyOne(asset, operation, library);
      applied++;
    } catch (error) {
      if (!(error instanceof SkippedOperation)) throw error;
      const described = isRecord(operation) ? `${String(operation["op"])} ${String(operation["path"])}` : "";
      errors.push({
        code: "invalid_patch_operation",
        message: `Operation ${index} (${described}) was skipped: ${error.message}.`,
      });
    }
  });
  if (applied > 0) library.touch(asset, userId);
  return errors;
}
