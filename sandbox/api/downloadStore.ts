import { randomUUID } from "node:crypto";
import type { ArchiveControl as ArchiveSettings } from "../control/controlTypes";

export type DownloadStatus = "Queued" | "Processing" | "Ready" | "Failed" | "Expired";
/** A ready archive's link lasts an hour, like the SAS links MediaValet hands out. */
export const ARCHIVE_LINK_LIFETIME_MS = 60 * 60 * 1000;

export interface DownloadRecord {
  readonly id: string;
  readonly userId: string;
  readonly assetIds: readonly string[];
  readonly fileName: string;
  readonly createdAt: number;
  readonly settings: ArchiveSettings;
}

export interface DownloadState {
  status: DownloadStatus;
  processedCount: number;
}

/** Where an archive is at `now`: queued for the first fifth (at most half a second), then processing, then done. */
export function downloadState(download: DownloadRecord, now: number): DownloadState {
  const duration = download.settings.seconds * 1000;
  const queued = Math.min(500, duration / 5);
  const elapsed = now - download.createdAt;
  const items = download.assetIds.length;
  if (elapsed < queued) return { status: "Queued", processedCount: 0 };
  if (elapsed < duration) {
    const done = Math.floor((items * (elapsed - queued)) / Math.max(1, duration - queued));
    return { status: "Processing", processedCount: Math.min(items - 1, done) };
  }
  switch (download.settings.outcome) {
    case "failed":
      return { status: "Failed", processedCount: 0 };
    case "expired":
      return { status: "Expired", processedCount: items };
    case "ready":
      return elapsed - duration > ARCHIVE_LINK_LIFETIME_MS
        ? { status: "Expired", processedCount: items }
        : { status: "Ready", processedCount: items };
  }
}

/** The archives asked for, the download checks answered, and how often each asset was downloaded. */
export interface DownloadStore {
  create(
    userId: string,
    assetIds: readonly string[],
    fileName: string,
    settings: ArchiveSettings,
  ): DownloadRecord;
  /** The caller's own archives, newest first. */
  listFor(userId: string): DownloadRecord[];
  find(id: string): DownloadRecord | undefined;
  /** A `POST /downloads/validate` answer's id, which a single-asset download must name. */
  validation(userId: string): string;
  validatedBy(id: string): string | undefined;
  recordDownload(assetId: string): number;
}

export function createDownloadStore(now: () => number = Date.now): DownloadStore {
  const downloads: DownloadRecord[] = [];
  const validations = new Map<string, string>();
  const counts = new Map<string, number>();
  return {
    create(userId, assetIds, fileName, settings) {
      const download = { id: randomUUID(), userId, assetIds, fileName, createdAt: now(), settings };
      downloads.push(download);
      return download;
    },
    listFor: (userId) => downloads.filter((download) => download.userId === userId).reverse(),
    find: (id) => downloads.find((download) => download.id.toLowerCase() === id.toLowerCase()),
    validation(userId) {
      const id = randomUUID();
      validations.set(id, userId);
      return id;
    },
    validatedBy: (id) => validations.get(id.toLowerCase()),
    recordDownload(assetId) {
      const count = (counts.get(assetId) ?? 0) + 1;
      counts.set(assetId, count);
      return count;
    },
  };
}
