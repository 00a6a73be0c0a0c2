export { createApiClient } from "./createApiClient";
export type { ApiClient, ApiClientOptions, ApiRequestInit } from "./createApiClient";
export { ApiError } from "./ApiError";
export type { ApiErrorCode, ApiErrorOptions } from "./ApiError";
export { parseRetryAfter } from "./parseRetryAfter";
export type {
  ApiErrorDetail,
  Asset,
  AssetFile,
  AssetMedia,
  AssetPage,
  AssetRecord,
  CurrentUser,
  Envelope,
  RecordCount,
} from "./types";
