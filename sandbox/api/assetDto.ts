import { findUserById } from "../users";
import type { AssetRecord, AssetType } from "./seed/assets";
import { mediaUrl } from "./media";
import type { PermissionsBlock } from "./permissions";
import { streamingManifestUrl } from "./streamingManifest";

export interface AssetDto {
  id: string;
  title: string;
  description: string;
  altText: string;
  status: number;
  media: {
    type: AssetType;
    thumb: string;
    small: string;
    medium: string;
    large: string;
    original: string;
    download: string;
    /** An HLS playlist for videos that stream (MediaValet 1.1 and later), null otherwise. */
    streamingManifest: string | null;
  };
  file: {
    fileName: string;
    fileType: string;
    sizeInBytes: number;
    imageWidth: number;
    imageHeight: number;
    mimeType: string;
    uploadedAt: string;
    modifiedAt: string;
    approvedAt: string | null;
  };
  rating: { average: number; user: number };
  keywords: string[];
  categories: string[];
  record: {
    createdAt: string;
    modifiedAt: string;
    createdBy: UserRef | null;
    modifiedBy: UserRef | null;
  };
  attributes: Record<string, string>;
  /** What the caller may do with this asset (MediaValet 1.2 sends an array of names, 1.0 and 1.1 `{all:[{name}]}`). */
  permissions: PermissionsBlock;
}

interface UserRef {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

function userRef(id: string): UserRef | null {
  const user = findUserById(id);
  return user
    ? { id: user.id, username: user.username, firstName: user.givenName, lastName: user.familyName }
    : null;
}

/**
 * MediaValet's asset shape (research §2.4). Media links point at the API's own unauthenticated `/media` route;
 * `permissions` are the caller's, from its access token.
 */
export function toAssetDto(asset: AssetRecord, apiUrl: string, permissions: PermissionsBlock = []): AssetDto {
  return {
    id: asset.id,
    title: asset.title,
    description: asset.description,
    altText: asset.altText,
    status: asset.status,
    media: {
      type: asset.type,
      thumb: mediaUrl(apiUrl, asset.id, "thumb"),
      small: mediaUrl(apiUrl, asset.id, "small"),
      medium: mediaUrl(apiUrl, asset.id, "medium"),
      large: mediaUrl(apiUrl, asset.id, "large"),
      original: mediaUrl(apiUrl, asset.id, "original"),
      download: mediaUrl(apiUrl, asset.id, "download"),
      streamingManifest: asset.streams ? streamingManifestUrl(apiUrl, asset.id) : null,
    },
    file: {
      fileName: asset.fileName,
      fileType: asset.fileType,
      sizeInBytes: asset.sizeInBytes,
      imageWidth: asset.width,
      imageHeight: asset.height,
      mimeType: asset.mimeType,
      uploadedAt: asset.uploadedAt,
      modifiedAt: asset.modifiedAt,
      approvedAt: asset.approvedAt ?? null,
    },
    // The sandbox keeps no per-user ratings: `user` is 0 (not rated by the caller).
    rating: { average: asset.averageRating ?? 0, user: 0 },
    keywords: [...asset.keywords],
    categories: [...asset.categories],
    record: {
      createdAt: asset.createdAt,
      modifiedAt: asset.modifiedAt,
      createdBy: userRef(asset.createdBy),
      modifiedBy: userRef(asset.modifiedBy),
    },
    attributes: { ...asset.attributes },
    permissions: Array.isArray(permissions) ? [...permissions] : { all: [...permissions.all] },
  };
}
