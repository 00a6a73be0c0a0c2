import type { BulkRequest } from "../api/bulkMultipart";
import type { SelectedAsset } from "./createSelection";
import type { BulkItem } from "./runBulk";

/** What a bulk action does to every selected asset. */
export type BulkAction =
  | { kind: "addKeywords"; keywords: readonly string[] }
  | { kind: "removeKeywords"; keywords: readonly { id: string; name: string }[] }
  | { kind: "addToCategory"; categoryId: string; categoryName: string }
  | { kind: "removeFromCategory"; categoryId: string; categoryName: string }
  | { kind: "setAttribute"; attributeId: string; attributeName: string; value: string };

const segment = (value: string) => encodeURIComponent(value);
const quoted = (list: readonly string[]) => list.map((name) => `“${name}”`).join(", ");

/** The sub-requests `action` needs, one or more per asset, each named for the report. */
export function buildBulkItems(action: BulkAction, assets: readonly SelectedAsset[]): BulkItem[] {
  return assets.flatMap((asset) => {
    const path = `/assets/${segment(asset.id)}`;
    const item = (key: string, what: string, request: BulkRequest): BulkItem => ({
      key: `${asset.id}:${key}`,
      assetId: asset.id,
      assetTitle: asset.title,
      what,
      request,
    });
    switch (action.kind) {
      case "addKeywords":
        return [
          item("kw+", `add keywords ${quoted(action.keywords)}`, {
            method: "POST",
            path: `${path}/keywords`,
            body: [...action.keywords],
          }),
        ];
      case "removeKeywords":
        return action.keywords.map((keyword) =>
          item(`kw-${keyword.id}`, `remove keyword “${keyword.name}”`, {
            method: "DELETE",
            path: `${path}/keywords/${segment(keyword.id)}`,
          }),
        );
      case "addToCategory":
        return [
          item(`cat+${action.categoryId}`, `add to category “${action.categoryName}”`, {
            method: "POST",
            path: `${path}/categories`,
            body: [action.categoryId],
          }),
        ];
      case "removeFromCategory":
        return [
          item(`cat-${action.categoryId}`, `remove from category “${action.categoryName}”`, {
            method: "DELETE",
            path: `${path}/categories/${segment(action.categoryId)}`,
          }),
        ];
      case "setAttribute":
        return [
          item(`attr-${action.attributeId}`, `set “${action.attributeName}” to “${action.value}”`, {
            method: "PATCH",
            path,
            body: [{ op: "replace", path: `/attributes/${action.attributeId}`, value: action.value }],
            contentType: "application/json-patch+json",
          }),
        ];
    }
  });
}
