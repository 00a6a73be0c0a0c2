import { assetPath } from "./assetPath";
import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { readAssetPage } from "./readAssetPage";
import { readRecord } from "./readRecord";
import { readWholeList } from "./readWholeList";
import type { AssetPage, Category } from "./types";

/** The library's categories (folders), their assets, and the categories an asset is in. */
export interface CategoryEndpoints {
  /**
   * `GET /categories`: every category of the library, as a flat list (see `parentId` and `tree.path`), read page
   * by page until `recordCount.totalRecordsFound`.
   */
  listCategories(signal?: AbortSignal): Promise<Category[]>;
  getCategory(id: string, signal?: AbortSignal): Promise<Category>;
  listCategoryAssets(
    id: string,
    params: { count?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<AssetPage>;
  getAssetCategories(id: string, signal?: AbortSignal): Promise<Category[]>;
}

export function createCategoryEndpoints(transport: ApiTransport): CategoryEndpoints {
  const { request } = transport;
  return {
    listCategories(signal) {
      return readWholeList<Category>(
        transport,
        "/categories",
        "the list of categories",
        "see the categories",
        signal,
      );
    },

    async getCategory(id, signal) {
      const envelope = await request<unknown>(`/categories/${encodePathSegment(id)}`, {
        signal,
        action: "see this category",
      });
      return readRecord(envelope.payload, "the category") as unknown as Category;
    },

    async listCategoryAssets(id, params, signal) {
      const envelope = await request<unknown>(`/categories/${encodePathSegment(id)}/assets`, {
        query: { count: params.count, offset: params.offset },
        signal,
        action: "see the assets in this category",
      });
      return readAssetPage(envelope, params.offset ?? 0);
    },

    getAssetCategories(id, signal) {
      return readWholeList<Category>(
        transport,
        `${assetPath(id)}/categories`,
        "the asset's categories",
        "see this asset's categories",
        signal,
      );
    },
  };
}
