import type { Sandbox } from "../../../sandbox/startSandbox";
import { apiHeaders } from "./oidcClient";

/** MediaValet's envelope as the tests read it. */
export interface Envelope<T = unknown> {
  apiVersion: string;
  warnings: unknown[];
  errors: { code: string; message: string }[];
  payload: T;
  meta: { metaInformation: Record<string, unknown>; createdAt: string };
  recordCount?: { totalRecordsFound: number; startingRecord: number; recordsReturned: number };
}

export interface AssetSummary {
  id: string;
  title: string;
  description: string;
  altText: string;
  keywords: string[];
  categories: string[];
  media: Record<string, string> & { type: string };
  file: { fileName: string; sizeInBytes: number };
  record: { createdAt: string; modifiedAt: string; modifiedBy: { username: string } | null };
  attributes: Record<string, string>;
  permissions: string[];
}

export interface AssetsPayload {
  assetCount: number;
  assets: AssetSummary[];
}

export interface ApiCallOptions {
  method?: string;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
  contentType?: string;
  apiVersion?: string;
  /** Replaces the default headers (subscription key and bearer token) entirely. */
  headers?: Record<string, string>;
}

/** Calls the sandbox's API as Valet does and reads the JSON answer (null for an empty body). */
export async function apiCall<T = unknown>(
  sandbox: Sandbox,
  accessToken: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<{ response: Response; body: Envelope<T> }> {
  const headers: Record<string, string> = options.headers ?? apiHeaders(sandbox, accessToken);
  if (options.apiVersion) headers["x-mv-api-version"] = options.apiVersion;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = options.contentType ?? "application/json";
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const text = await response.text();
  return { response, body: (text === "" ? null : JSON.parse(text)) as Envelope<T> };
}
