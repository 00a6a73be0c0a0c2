import { assetPath } from "./assetPath";
import type { ApiTransport } from "./createApiTransport";
import { isRecord } from "./isRecord";
import { matchPatchErrors } from "./matchPatchErrors";
import { normalizeAsset, normalizeRendition } from "./normalizeAsset";
import { PatchRefusedError } from "./PatchRefusedError";
import { readAssetPage } from "./readAssetPage";
import { readRecord } from "./readRecord";
import { readWholeList } from "./readWholeList";
import type { Asset, AssetPage, AssetRendition, AssetSearch, JsonPatchOperation } from "./types";

/** Listing, searching, reading and changing assets. */
export interface AssetEndpoints {
  /** `GET /assets`: a page of the library, optionally filtered by MediaValet's `search` syntax. */
  listAssets(
    params: { search?: string; count?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<AssetPage>;
  /** `POST /assets/search`: like listAssets, plus `filters` and `sort`; always asks for the true total. */
  searchAssets(params: AssetSearch, signal?: AbortSignal): Promise<AssetPage>;
  getAsset(id: string, signal?: AbortSignal): Promise<Asset>;
  /**
   * `PATCH /assets/{id}` with a JSON Patch.
   * @returns the updated asset when MediaValet sends it back, undefined when it answers without one (202/204)
   * @throws PatchRefusedError when MediaValet skipped some operations (listed in `errors`) and applied the others
   */
  patchAsset(id: string, operations: JsonPatchOperation[], signal?: AbortSignal): Promise<Asset | undefined>;
  getAssetRenditions(id: string, signal?: AbortSignal): Promise<AssetRendition[]>;
}

export function createAssetEndpoints(transport: ApiTransport): AssetEndpoints {
  const { request } = transport;
  return {
    async listAssets(params, signal) {
      const envelope = await request<unknown>("/assets", {
        query: { search: params.search, count: params.count, offset: params.offset },
        signal,
        action: "see the library",
      });
      return readAssetPage(envelope, params.offset ?? 0);
    },

    async searchAssets(params, signal) {
      // Without includeTotalCount MediaValet may leave out assetCount, and the pager would not know the total.
      const body: Record<string, string | number | boolean> = { includeTotalCount: true };
      for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== "") body[key] = value;
      }
      const envelope = await request<unknown>("/assets/search", {
        method: "POST",
        body,
        signal,
        action: "search the library",
      });
      return readAssetPage(envelope, params.offset ?? 0, "assetCount");
    },

    async getAsset(id, signal) {
      const envelope = await request<unknown>(assetPath(id), { signal, action: "see this asset" });
      return normalizeAsset(readRecord(envelope.payload, "the asset"));
    },

    async patchAsset(id, operations, signal) {
      const envelope = await request<unknown>(assetPath(id), {
        method: "PATCH",
        body: operations,
        contentType: "application/json-patch+json",
        signal,
        action: "change this asset",
      });
      const asset =
        isRecord(envelope.payload) && typeof envelope.payload["id"] === "string"
          ? normalizeAsset(envelope.payload)
          : undefined;
      // MediaValet answers 200 even when it skipped operations; only `errors` tells.
      if (envelope.errors.length > 0) {
        const refused = matchPatchErrors(operations, envelope.errors);
        const unrefused = operations.filter(
          (operation) => !refused.some((entry) => entry.operation === operation),
        );
        throw new PatchRefusedError(refused, unrefused, asset);
      }
      return asset;
    },

    async getAssetRenditions(id, signal) {
      const renditions = await readWholeList<Record<string, unknown>>(
        transport,
        `${assetPath(id)}/renditions`,
        "the asset's renditions",
        "see this asset's renditions",
        signal,
      );
      return renditions.map(normalizeRendition);
    },
  };
}
