import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { isRecord } from "./isRecord";
import { parseEnvelope } from "./parseEnvelope";
import { readRecord } from "./readRecord";
import { readWholeList } from "./readWholeList";
import { safeMediaUrl } from "./safeMediaUrl";

/** The size of a direct link's rendition: the file as uploaded, or scaled to a box (images and videos only). */
export type DirectLinkSize = { type: "Original" } | { type: "Custom"; width: number; height: number };

/** One CDN direct link of an asset (`GET /directlinks/{assetId}`). */
export interface DirectLink {
  directLinkId: string;
  assetId: string;
  /** The public CDN address; undefined when what MediaValet sent failed safeMediaUrl, so it is never shown as a link. */
  cdnLink?: string;
  linkName: string;
  createdAt?: string;
  /** Who created it, when MediaValet says. */
  createdBy?: string;
  state?: string;
  size?: DirectLinkSize;
  format?: string;
}

/** What `POST /directlinks/{assetId}` is asked for. */
export interface DirectLinkRequest {
  linkName: string;
  size: DirectLinkSize;
  /** An upper-case file type such as "JPG"; the asset's own or one MediaValet converts it to. */
  format: string;
  /** True for a new link even when one with the same name, size and format exists. */
  isUniqueLink?: boolean;
}

/** The answer to a create: the link, and whether MediaValet made it now (201) or gave back an existing one (200). */
export interface CreatedDirectLink {
  link: DirectLink;
  reused: boolean;
}

/** CDN direct links: public, shareable addresses of an asset's renditions. */
export interface DirectLinkEndpoints {
  /** `GET /directlinks/{assetId}`, every page, newest first as MediaValet lists them. */
  listDirectLinks(assetId: string, signal?: AbortSignal): Promise<DirectLink[]>;
  /**
   * `POST /directlinks/{assetId}`. Needs the `asset:createDirectLink` permission: without it MediaValet answers 403
   * on API version 1.2 (401 before), which arrives as an ApiError naming the action.
   */
  createDirectLink(
    assetId: string,
    wanted: DirectLinkRequest,
    signal?: AbortSignal,
  ): Promise<CreatedDirectLink>;
}

export function createDirectLinkEndpoints(transport: ApiTransport): DirectLinkEndpoints {
  const path = (assetId: string) => `/directlinks/${encodePathSegment(assetId)}`;
  return {
    async listDirectLinks(assetId, signal) {
      const links = await readWholeList<Record<string, unknown>>(
        transport,
        path(assetId),
        "the asset's direct links",
        "see this asset's direct links",
        signal,
      );
      return links.map(toDirectLink);
    },

    async createDirectLink(assetId, wanted, signal) {
      const body = {
        renditionSettings: { size: wanted.size, format: wanted.format },
        linkSettings: {
          linkName: wanted.linkName,
          ...(wanted.isUniqueLink === undefined ? {} : { isUniqueLink: wanted.isUniqueLink }),
        },
      };
      // requestText rather than request: only the status tells a new link (201) from an existing one (200).
      const answer = await transport.requestText(path(assetId), {
        method: "POST",
        body,
        signal,
        action: "create direct links for this asset",
      });
      const envelope = parseEnvelope<unknown>(answer.status, answer.text);
      return {
        link: toDirectLink(readRecord(envelope.payload, "the direct link")),
        reused: answer.status === 200,
      };
    },
  };
}

function toDirectLink(raw: Record<string, unknown>): DirectLink {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const rendition = isRecord(raw["renditionSettings"]) ? raw["renditionSettings"] : {};
  const user = isRecord(raw["user"]) ? raw["user"] : {};
  const link: DirectLink = {
    directLinkId: text(raw["directLinkId"]) ?? "",
    assetId: text(raw["assetId"]) ?? "",
    linkName: text(raw["linkName"]) ?? "",
  };
  const cdnLink = safeMediaUrl(raw["cdnLink"]);
  if (cdnLink !== undefined) link.cdnLink = cdnLink;
  const createdAt = text(raw["createdAt"]);
  if (createdAt !== undefined) link.createdAt = createdAt;
  const createdBy = text(user["username"]);
  if (createdBy !== undefined) link.createdBy = createdBy;
  const state = text(raw["state"]);
  if (state !== undefined) link.state = state;
  const size = readSize(rendition["size"]);
  if (size !== undefined) link.size = size;
  const format = text(rendition["format"]);
  if (format !== undefined) link.format = format;
  return link;
}

function readSize(value: unknown): DirectLinkSize | undefined {
  if (!isRecord(value)) return undefined;
  if (value["type"] === "Original") return { type: "Original" };
  const { width, height } = value;
  if (value["type"] === "Custom" && typeof width === "number" && typeof height === "number") {
    return { type: "Custom", width, height };
  }
  return undefined;
}
