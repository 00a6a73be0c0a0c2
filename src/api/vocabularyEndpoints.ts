import { assetPath } from "./assetPath";
import { badResponse } from "./badResponse";
import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { isRecord } from "./isRecord";
import { readWholeList } from "./readWholeList";
import type { AssetKeyword, AttributeDefinition, Keyword } from "./types";

/** Keywords and custom attributes: the library's lists, and an asset's own. */
export interface VocabularyEndpoints {
  /** `GET /keywords`, every page. */
  listKeywords(signal?: AbortSignal): Promise<Keyword[]>;
  /** `GET /attributes`, every page. */
  listAttributes(signal?: AbortSignal): Promise<AttributeDefinition[]>;
  /** Every page of the asset's keywords (MediaValet pages sub-resources too). */
  getAssetKeywords(id: string, signal?: AbortSignal): Promise<AssetKeyword[]>;
  /** `POST /assets/{id}/keywords`; MediaValet accepts it with 202 and applies it shortly after. */
  addAssetKeywords(id: string, keywords: string[], signal?: AbortSignal): Promise<void>;
  /** `DELETE /assets/{id}/keywords/{keywordId}` (202). */
  removeAssetKeyword(id: string, keywordId: string, signal?: AbortSignal): Promise<void>;
  /** The asset's attribute values, keyed by attribute id. */
  getAssetAttributes(id: string, signal?: AbortSignal): Promise<Record<string, string>>;
}

export function createVocabularyEndpoints(transport: ApiTransport): VocabularyEndpoints {
  const { request } = transport;
  return {
    listKeywords(signal) {
      return readWholeList<Keyword>(
        transport,
        "/keywords",
        "the list of keywords",
        "see the keywords",
        signal,
      );
    },

    listAttributes(signal) {
      return readWholeList<AttributeDefinition>(
        transport,
        "/attributes",
        "the list of attributes",
        "see the attributes",
        signal,
      );
    },

    getAssetKeywords(id, signal) {
      return readWholeList<AssetKeyword>(
        transport,
        `${assetPath(id)}/keywords`,
        "the asset's keywords",
        "see this asset's keywords",
        signal,
      );
    },

    async addAssetKeywords(id, keywords, signal) {
      await request<unknown>(`${assetPath(id)}/keywords`, {
        method: "POST",
        body: keywords,
        signal,
        action: "add keywords to this asset",
      });
    },

    async removeAssetKeyword(id, keywordId, signal) {
      await request<unknown>(`${assetPath(id)}/keywords/${encodePathSegment(keywordId)}`, {
        method: "DELETE",
        signal,
        action: "remove keywords from this asset",
      });
    },

    async getAssetAttributes(id, signal) {
      const envelope = await request<unknown>(`${assetPath(id)}/attributes`, {
        signal,
        action: "see this asset's attributes",
      });
      const payload = envelope.payload;
      // MediaValet wraps the values in `attributes`; a bare map is read too.
      const values = isRecord(payload) && isRecord(payload["attributes"]) ? payload["attributes"] : payload;
      if (!isRecord(values)) throw badResponse("the asset's attributes are missing from the response");
      return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, textOf(value)]));
    },
  };
}

/** Attribute values are strings in MediaValet, but a stand-in or a newer version may send numbers or booleans. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
