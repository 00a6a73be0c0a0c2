import { isRecord } from "./isRecord";

/**
 * Reads a MediaValet `permissions` block into permission names. From API version 1.2 it is a list of names
 * (`["asset:view", …]`); before, `{ all: [{ name }] }`. Entries of any other shape are skipped.
 * @returns the names, or undefined when the block is missing or has neither shape (nothing is known then)
 */
export function readPermissions(block: unknown): string[] | undefined {
  const entries = Array.isArray(block) ? block : isRecord(block) ? block["all"] : undefined;
  if (!Array.isArray(entries)) return undefined;
  return entries.flatMap((entry: unknown) => {
    if (typeof entry === "string") return [entry];
    if (isRecord(entry) && typeof entry["name"] === "string") return [entry["name"]];
    return [];
  });
}
