import { findUserById } from "../users";
import type { AssetRecord, AssetType } from "./seed/assets";
import { mediaUrl } from "./media";

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
  };
  keywords: string[];
  categories: string[];
  record: {
    createdAt: string;
    modifiedAt: string;
    createdBy: { id: string; username: string; firstName: string; lastName: string } | null;
  };
  attributes: Record<string, string>;
}

/** MediaValet's asset shape (research §2.4). Media links point at the API's own unauthenticated `/media` route. */
export function toAssetDto(asset: AssetRecord, apiUrl: string): AssetDto {
  const creator = findUserById(asset.createdBy);
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
    },
    keywords: [...asset.keywords],
    categories: [...asset.categories],
    record: {
      createdAt: asset.createdAt,
      modifiedAt: asset.modifiedAt,
      createdBy: creator
        ? {
            id: creator.id,
            username: creator.username,
            firstName: creator.givenName,
            lastName: creator.familyName,
          }
        : null,
    },
    attributes: { ...asset.attributes },
  };
}
