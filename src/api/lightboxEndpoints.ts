import { badResponse } from "./badResponse";
import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { isRecord } from "./isRecord";
import { readPermissions } from "./readPermissions";
import { readWholeList } from "./readWholeList";

/** A lightbox (MediaValet's collection of assets), as `GET /lightboxes` and `GET /lightboxes/{id}` describe it. */
export interface Lightbox {
  id: string;
  name: string;
  description: string;
  assetCount: number;
  /** The owner's user name, when MediaValet names one. */
  ownerName?: string;
  /**
   * What the caller may do with it (`lightbox:view|editDetails|editAssets|delete`), in either of MediaValet's shapes
   * read into names; undefined when the answer carried none.
   */
  permissions?: readonly string[];
}

export interface LightboxEndpoints {
  /** `GET /lightboxes`, every page: the caller's own (by name), then those shared with them. */
  listLightboxes(signal?: AbortSignal): Promise<Lightbox[]>;
  getLightbox(id: string, signal?: AbortSignal): Promise<Lightbox>;
  /** `POST /lightboxes`; MediaValet answers 409 when the caller already has one with that name. */
  createLightbox(details: { name: string; description?: string }, signal?: AbortSignal): Promise<Lightbox>;
  /** `PUT /lightboxes/{id}` with the whole of its details. */
  updateLightbox(
    id: string,
    details: { name: string; description: string },
    signal?: AbortSignal,
  ): Promise<Lightbox>;
  deleteLightbox(id: string, signal?: AbortSignal): Promise<void>;
  /** `POST /lightboxes/{id}/assets` with the asset ids. */
  addLightboxAssets(id: string, assetIds: readonly string[], signal?: AbortSignal): Promise<void>;
  removeLightboxAsset(id: string, assetId: string, signal?: AbortSignal): Promise<void>;
}

/** The lightbox calls of the MediaValet API (research §2.7). */
export function createLightboxEndpoints(transport: ApiTransport): LightboxEndpoints {
  const path = (id: string) => `/lightboxes/${encodePathSegment(id)}`;
  return {
    async listLightboxes(signal) {
      const raw = await readWholeList<Record<string, unknown>>(
        transport,
        "/lightboxes",
        "the list of lightboxes",
        "see your lightboxes",
        signal,
      );
      return raw.map(toLightbox);
    },

    async getLightbox(id, signal) {
      const envelope = await transport.request<unknown>(path(id), { signal, action: "see this lightbox" });
      return toLightbox(readLightboxRecord(envelope.payload));
    },

    async createLightbox(details, signal) {
      const body: Record<string, string> = { name: details.name };
      if (details.description !== undefined && details.description !== "")
        body["description"] = details.description;
      const envelope = await transport.request<unknown>("/lightboxes", {
        method: "POST",
        body,
        signal,
        action: "create a lightbox",
      });
      return toLightbox(readLightboxRecord(envelope.payload));
    },

    async updateLightbox(id, details, signal) {
      const envelope = await transport.request<unknown>(path(id), {
        method: "PUT",
        body: { name: details.name, description: details.description },
        signal,
        action: "rename this lightbox",
      });
      // Some versions answer a write with no body; the details sent are then what it holds.
      return isRecord(envelope.payload)
        ? toLightbox(envelope.payload)
        : { id, name: details.name, description: details.description, assetCount: 0 };
    },

    async deleteLightbox(id, signal) {
      await transport.request<unknown>(path(id), {
        method: "DELETE",
        signal,
        action: "delete this lightbox",
      });
    },

    async addLightboxAssets(id, assetIds, signal) {
      await transport.request<unknown>(`${path(id)}/assets`, {
        method: "POST",
        body: [...assetIds],
        signal,
        action: "add assets to this lightbox",
      });
    },

    async removeLightboxAsset(id, assetId, signal) {
      await transport.request<unknown>(`${path(id)}/assets/${encodePathSegment(assetId)}`, {
        method: "DELETE",
        signal,
        action: "remove assets from this lightbox",
      });
    },
  };
}

function readLightboxRecord(payload: unknown): Record<string, unknown> {
  if (!isRecord(payload)) throw badResponse("the lightbox is missing from the response");
  return payload;
}

function toLightbox(raw: Record<string, unknown>): Lightbox {
  const owner = raw["owner"];
  const ownerName = isRecord(owner) ? (owner["username"] ?? owner["userName"]) : undefined;
  const lightbox: Lightbox = {
    id: String(raw["id"] ?? ""),
    name: typeof raw["name"] === "string" ? raw["name"] : "",
    description: typeof raw["description"] === "string" ? raw["description"] : "",
    assetCount: typeof raw["assetCount"] === "number" ? raw["assetCount"] : 0,
  };
  if (typeof ownerName === "string") lightbox.ownerName = ownerName;
  const permissions = readPermissions(raw["permissions"]);
  if (permissions !== undefined) lightbox.permissions = permissions;
  return lightbox;
}
