export { createApiClient } from "./createApiClient";
export type { ApiClient } from "./createApiClient";
export type { ApiClientOptions, ApiRequestInit, ApiTransport } from "./createApiTransport";
export type { AuthorizedRequest, RejectedRequest, RequestAuthorizer } from "./RequestAuthorizer";
export { ApiError } from "./ApiError";
export type { ActivityUser, AssetComment, AssetHistoryEntry } from "./activityEndpoints";
export type { CreatedDirectLink, DirectLink, DirectLinkRequest, DirectLinkSize } from "./directLinkEndpoints";
export type { ApiErrorCode, ApiErrorOptions } from "./ApiError";
export { buildAssetPatch, type AssetText } from "./buildAssetPatch";
export { parseRetryAfter } from "./parseRetryAfter";
export { PatchRefusedError, type RefusedOperation } from "./PatchRefusedError";
export { PAGE_SIZE, readAllPages, type ListPage, type ReadAllPagesOptions } from "./readAllPages";
export { safeMediaUrl } from "./safeMediaUrl";
export type {
  ApiErrorDetail,
  Asset,
  AssetFile,
  AssetKeyword,
  AssetMedia,
  AssetPage,
  AssetRecord,
  AssetRendition,
  AssetSearch,
  AssetSort,
  AttributeDefinition,
  Category,
  CurrentUser,
  Envelope,
  JsonPatchOperation,
  Keyword,
  RecordCount,
} from "./types";
export { createLazyApiClient, type LazyApiClient } from "./createLazyApiClient";
export type { Facet, FacetQuery } from "./facetEndpoints";
export type { SavedSearch, SavedSearchFields } from "./savedSearchEndpoints";
