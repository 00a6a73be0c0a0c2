import { findUserById } from "../users";
import type { ScalarField } from "./filterExpression";
import type { Library } from "./library";
import type { AssetRecord } from "./seed/assets";
import type { AttributeRecord } from "./seed/attributes";

/** MediaValet's asset types (research §2.4), as `AssetType` values and facet keys. */
export const ASSET_TYPES = ["Image", "Video", "Audio", "Document", "Other"] as const;
/** MediaValet's status codes: approved, pending, rejected, expired, checked out (research §2.4). */
export const ASSET_STATUSES = ["0", "2", "5", "7", "9"] as const;

export function fileExtensionOf(asset: AssetRecord): string {
  const dot = asset.fileName.lastIndexOf(".");
  return dot < 0 ? "" : asset.fileName.slice(dot + 1);
}

export function uploaderOf(asset: AssetRecord): string | undefined {
  return findUserById(asset.createdBy)?.username;
}

/**
 * The fields MediaValet documents for `filters` (research §2.4), and no others: names ignore case, and
 * `File Extension` has its space. CognitiveColor exists but the sandbox has no cognitive data, so it matches nothing.
 */
const BUILT_IN: Record<string, ScalarField<AssetRecord>> = {
  assettype: { kind: "choice", values: ASSET_TYPES, read: (asset) => asset.type },
  status: { kind: "choice", values: ASSET_STATUSES, read: (asset) => String(asset.status) },
  "file extension": { kind: "text", read: fileExtensionOf },
  createdby: { kind: "text", read: uploaderOf },
  dateuploaded: { kind: "date", read: (asset) => asset.uploadedAt },
  dateapproved: { kind: "date", read: (asset) => asset.approvedAt },
  averagerating: { kind: "number", read: (asset) => asset.averageRating ?? 0 },
  cognitivecolor: { kind: "text", read: () => undefined },
};

function attributeField(attribute: AttributeRecord): ScalarField<AssetRecord> {
  const read = (asset: AssetRecord): string | undefined => asset.attributes[attribute.id];
  switch (attribute.attributeType) {
    case "Text":
      return { kind: "text", read };
    case "Options":
      return { kind: "choice", values: attribute.optionsList, read };
    case "Boolean":
      return { kind: "choice", values: ["true", "false"], read };
    case "DateTime":
      return { kind: "date", read };
  }
}

/** A `filters` field: a documented one, or an attribute by its id (inferred: MediaValet shows no example). */
export function assetScalarField(name: string, library: Library): ScalarField<AssetRecord> | undefined {
  const builtIn = BUILT_IN[name.toLowerCase()];
  if (builtIn) return builtIn;
  const attribute = library.attribute(name);
  return attribute ? attributeField(attribute) : undefined;
}
