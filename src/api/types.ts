/** One entry of an envelope's `errors`; MediaValet's shape varies, so only `message` is relied on. */
export interface ApiErrorDetail {
  code?: string;
  message?: string;
  [key: string]: unknown;
}

export interface RecordCount {
  totalRecordsFound: number;
  /** MediaValet's documented example starts at 1 for offset 0. */
  startingRecord: number;
  recordsReturned: number;
}

/** Every MediaValet response body: the resource sits in `payload`, paging totals in `recordCount`. */
export interface Envelope<T> {
  /** Often a build number such as "2022.6.17.1" rather than the requested version. */
  apiVersion: string;
  warnings: unknown[];
  errors: ApiErrorDetail[];
  payload: T;
  meta?: {
    metaInformation?: Record<string, unknown>;
    createdAt?: string;
    [key: string]: unknown;
  };
  recordCount?: RecordCount;
}

/**
 * The rendition URLs of an asset. They are pre-signed (Azure SAS) and expire, so they work in `<img src>` without
 * a token, but should not be kept for long. Any of them may be missing, e.g. for a document without previews.
 */
export interface AssetMedia {
  // `string & {}` keeps editor completion for the known kinds while accepting ones MediaValet adds later.
  type: "Image" | "Video" | "Audio" | "Document" | (string & {});
  thumb?: string;
  small?: string;
  medium?: string;
  large?: string;
  original?: string;
  download?: string;
  /** A playable stream for video and audio, when MediaValet has one. */
  stream?: string;
  /** An HLS playlist (`.m3u8`) for a video that streams (API version 1.1 and later); absent otherwise. */
  streamingManifest?: string;
}

export interface AssetFile {
  fileName: string;
  /** An upper-case extension such as "JPG". */
  fileType: string;
  sizeInBytes: number;
  imageWidth?: number;
  imageHeight?: number;
  mimeType?: string;
  uploadedAt?: string;
  modifiedAt?: string;
}

export interface AssetRecord {
  createdAt: string;
  modifiedAt?: string;
}

export interface Asset {
  id: string;
  title: string;
  description: string;
  altText: string;
  /** 0 approved, 2 pending, 5 rejected, 7 expired, 9 checked out. */
  status: number;
  media: AssetMedia;
  file: AssetFile;
  keywords: string[];
  /** Category ids. */
  categories: string[];
  record: AssetRecord;
  /** Attribute values keyed by attribute id. */
  attributes: Record<string, string>;
}

export interface CurrentUser {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  emailAddress: string;
  orgUnitId?: string;
  roleId?: string;
  userType?: string;
  isApproved?: boolean;
  isSuspended?: boolean;
  lastLoginAt?: string;
  createdAt?: string;
}

/** One page of a listing, flattened from MediaValet's payload and record count. */
export interface AssetPage {
  assets: Asset[];
  /** How many assets match in all; page on until `offset + count >= total`. */
  total: number;
  /** Where this page starts (0-based). */
  offset: number;
  /** How many assets this page holds. */
  count: number;
}

/** How `POST /assets/search` orders results: a field and `A` (ascending) or `D` (descending). */
export type AssetSort = "record.createdAt D" | "record.createdAt A" | "title A" | "title D" | (string & {});

/** The body of `POST /assets/search`; every field is optional, as in MediaValet. */
export interface AssetSearch {
  /** MediaValet's full-text syntax: implicit AND, `OR`, `NOT`, `"exact phrase"`, `flag*`. */
  search?: string;
  /** e.g. `(AssetType EQ Image)`. */
  filters?: string;
  /** e.g. `(CategoryIds/ANY(c: c EQ '<id>'))`. */
  containerFilter?: string;
  sort?: AssetSort;
  count?: number;
  offset?: number;
}

/** One keyword on an asset, as `GET /assets/{id}/keywords` lists it; the id is what a removal names. */
export interface AssetKeyword {
  id: string;
  keywordName: string;
}

/** One entry of the library's keyword list (`GET /keywords`). */
export interface Keyword {
  id: string;
  keywordName: string;
  groupName?: string;
  isSearchable?: boolean;
}

/** A category (folder). `tree.path` joins the names from the root with backslashes, e.g. `Root\Marketing\2024`. */
export interface Category {
  id: string;
  name: string;
  /** Null for the root. */
  parentId: string | null;
  description?: string;
  tree: {
    name?: string;
    path: string;
    /** The ids from the root, joined like `path`; not every API version sends it. */
    idPath?: string;
    id?: string;
  };
  assetCount?: number;
  subfolderCount?: number;
}

/** The definition of a custom attribute (`GET /attributes`): what an asset's attribute id means. */
export interface AttributeDefinition {
  id: string;
  name: string;
  /** "Text", "Boolean", "DateTime", "Status", "Options", … */
  attributeType: string;
  isSystemProperty?: boolean;
  isRequired?: boolean;
}

/** A rendition of an asset (`GET /assets/{id}/renditions`); MediaValet's shape is not documented, so little is assumed. */
export interface AssetRendition {
  id?: string;
  name: string;
  url?: string;
  width?: number;
  height?: number;
  fileType?: string;
  sizeInBytes?: number;
}

/** One operation of a JSON Patch (RFC 6902), as `PATCH /assets/{id}` takes them. */
export interface JsonPatchOperation {
  op: "add" | "remove" | "replace";
  /** A JSON Pointer such as `/title` or `/attributes/<attributeId>`. */
  path: string;
  value?: unknown;
}
