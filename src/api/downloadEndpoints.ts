import { isRecord } from "./isRecord";
import type { ApiTransport } from "./createApiTransport";
import { encodePathSegment } from "./encodePathSegment";
import { badResponse } from "./badResponse";
import { safeMediaUrl } from "./safeMediaUrl";

/** One field of the library's download form; a `TermsAndConditions` field carries the terms in `description`. */
export interface DownloadField {
  id: string;
  label: string;
  /** "TermsAndConditions", "Dropdown", "Text", … */
  type: string;
  isRequired: boolean;
  description: string;
  /** The choices of a dropdown. */
  options: { label: string; value: string }[];
}

/** What `POST /downloads/validate` says must happen before a download. */
export interface DownloadCheck {
  downloadId: string;
  /** e.g. `["TermsAndConditions", "CustomForm"]`; empty when nothing is asked. */
  preconditions: string[];
  /** Every field of every group, in MediaValet's order (`sequence`). */
  fields: DownloadField[];
}

/** One answer of the download form, as MediaValet takes it back. */
export interface DownloadAnswer {
  fieldId: string;
  value: string;
}

export type ArchiveStatus = "Queued" | "Processing" | "Ready" | "Failed" | "Expired" | (string & {});

/** An archive of many assets being built (`GET /downloads/{id}`). */
export interface ArchiveDownload {
  id: string;
  status: ArchiveStatus;
  itemCount: number;
  processedCount: number;
  /** The zip's link once it is ready; only https or a loopback http link is kept. */
  fileUrl?: string;
  fileName: string;
  fileSize: number;
}

export interface DownloadEndpoints {
  /** `POST /downloads/validate`: the rules (terms, a form) to meet before a download. */
  checkDownload(isDirectDownload: boolean, signal?: AbortSignal): Promise<DownloadCheck>;
  /**
   * `POST /downloads/{downloadId}/asset`: the link to one asset's rendition, once the form's answers meet the rules.
   * @returns the link (pre-signed, to be used at once)
   * @throws ApiError `request_failed` (400) naming the first unmet rule
   */
  getDownloadLink(
    downloadId: string,
    request: { assetId: string; answers: readonly DownloadAnswer[]; renditionId?: string },
    signal?: AbortSignal,
  ): Promise<string>;
  /** `POST /downloads`: starts an archive of many assets (202); follow it with getArchive. */
  startArchive(
    request: { assetIds: readonly string[]; answers: readonly DownloadAnswer[]; zipFileName?: string },
    signal?: AbortSignal,
  ): Promise<string>;
  getArchive(id: string, signal?: AbortSignal): Promise<ArchiveDownload>;
  /** `POST /assets/{id}/downloaded`: tells MediaValet the file was downloaded, for its reports. */
  recordDownload(assetId: string, signal?: AbortSignal): Promise<void>;
}

/**
 * The download calls of the MediaValet API (research §2.7). Longer than 80 lines only as one object of short methods,
 * one per endpoint, like the other endpoint groups.
 */
export function createDownloadEndpoints(transport: ApiTransport): DownloadEndpoints {
  return {
    async checkDownload(isDirectDownload, signal) {
      const envelope = await transport.request<unknown>("/downloads/validate", {
        method: "POST",
        body: { isDirectDownload },
        signal,
        action: "download assets",
      });
      const payload = envelope.payload;
      if (!isRecord(payload) || typeof payload["downloadId"] !== "string")
        throw badResponse("the download check is missing from the response");
      const preconditions = Array.isArray(payload["preconditions"])
        ? payload["preconditions"].filter((entry): entry is string => typeof entry === "string")
        : [];
      return {
        downloadId: payload["downloadId"],
        preconditions,
        fields: readFields(payload["customFormDetails"]),
      };
    },

    async getDownloadLink(downloadId, request, signal) {
      const body: Record<string, unknown> = {
        assetId: request.assetId,
        attributeIdValues: request.answers.map(({ fieldId, value }) => ({ fieldId, value })),
      };
      if (request.renditionId !== undefined) body["renditionId"] = request.renditionId;
      const envelope = await transport.request<unknown>(`/downloads/${encodePathSegment(downloadId)}/asset`, {
        method: "POST",
        body,
        signal,
        action: "download this asset",
      });
      const link = isRecord(envelope.payload) ? safeMediaUrl(envelope.payload["sasUrl"]) : undefined;
      if (link === undefined) throw badResponse("the download link is missing from the response");
      return link;
    },

    async startArchive(request, signal) {
      const settings: Record<string, unknown> = { ids: [...request.assetIds] };
      if (request.zipFileName !== undefined && request.zipFileName !== "")
        settings["zipFileName"] = request.zipFileName;
      const envelope = await transport.request<unknown>("/downloads", {
        method: "POST",
        body: {
          attributeIdValues: request.answers.map(({ fieldId, value }) => ({ fieldId, value })),
          downloadSettingsPostDetail: settings,
        },
        signal,
        action: "download these assets",
      });
      const batchId = isRecord(envelope.payload) ? envelope.payload["batchId"] : undefined;
      if (typeof batchId !== "string" || batchId === "")
        throw badResponse("the archive's id is missing from the response");
      return batchId;
    },

    async getArchive(id, signal) {
      const envelope = await transport.request<unknown>(`/downloads/${encodePathSegment(id)}`, {
        signal,
        action: "follow this download",
      });
      const raw = envelope.payload;
      if (!isRecord(raw)) throw badResponse("the download is missing from the response");
      const archive: ArchiveDownload = {
        id: String(raw["id"] ?? id),
        status: typeof raw["status"] === "string" ? raw["status"] : "Queued",
        itemCount: numberOr(raw["itemCount"], 0),
        processedCount: numberOr(raw["processedCount"], 0),
        fileName: typeof raw["fileName"] === "string" ? raw["fileName"] : "",
        fileSize: numberOr(raw["fileSize"], 0),
      };
      const fileUrl = safeMediaUrl(raw["filePath"]);
      if (fileUrl !== undefined) archive.fileUrl = fileUrl;
      return archive;
    },

    async recordDownload(assetId, signal) {
      await transport.request<unknown>(`/assets/${encodePathSegment(assetId)}/downloaded`, {
        method: "POST",
        signal,
        action: "download this asset",
      });
    },
  };
}

/** The fields of `customFormDetails.fieldGroups[].fields[]`, ordered by group then `sequence`. */
function readFields(form: unknown): DownloadField[] {
  const groups = isRecord(form) && Array.isArray(form["fieldGroups"]) ? form["fieldGroups"] : [];
  return groups.filter(isRecord).flatMap((group) => {
    const fields = Array.isArray(group["fields"]) ? group["fields"].filter(isRecord) : [];
    return [...fields]
      .sort((a, b) => numberOr(a["sequence"], 0) - numberOr(b["sequence"], 0))
      .flatMap((field): DownloadField[] => {
        if (typeof field["id"] !== "string") return [];
        const items = Array.isArray(field["listItems"]) ? field["listItems"].filter(isRecord) : [];
        return [
          {
            id: field["id"],
            label: typeof field["label"] === "string" ? field["label"] : field["id"],
            type: typeof field["type"] === "string" ? field["type"] : "Text",
            isRequired: field["isRequired"] === true,
            description: typeof field["description"] === "string" ? field["description"] : "",
            options: items.map((item) => {
              const value = String(item["value"] ?? item["label"] ?? "");
              return { label: String(item["label"] ?? value), value };
            }),
          },
        ];
      });
  });
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
