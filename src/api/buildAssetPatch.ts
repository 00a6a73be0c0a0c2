import type { Asset, JsonPatchOperation } from "./types";

/** The asset fields a person edits as text. */
export type AssetText = Pick<Asset, "title" | "description" | "altText">;

const EDITABLE: readonly (keyof AssetText)[] = ["title", "description", "altText"];

/**
 * The JSON Patch that turns `before` into `after`: one `replace` per field that changed, none for fields left alone,
 * so a save never overwrites what someone else changed in a field this person did not touch.
 * @returns an empty array when nothing changed
 */
export function buildAssetPatch(before: AssetText, after: Partial<AssetText>): JsonPatchOperation[] {
  const operations: JsonPatchOperation[] = [];
  for (const field of EDITABLE) {
    const value = after[field];
    if (value !== undefined && value !== before[field]) {
      operations.push({ op: "replace", path: `/${field}`, value });
    }
  }
  return operations;
}
