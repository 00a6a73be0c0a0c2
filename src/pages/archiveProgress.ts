import type { ArchiveDownload } from "../api/downloadEndpoints";

/** Where an archive of many assets stands, for the person waiting on it. */
export type ArchiveProgress =
  | { kind: "working"; done: number; total: number }
  | { kind: "ready"; url: string; fileName: string; fileSize: number }
  | { kind: "failed"; message: string }
  | { kind: "expired"; message: string };

/** Reads `GET /downloads/{id}` into what the page shows; a Ready archive without a usable link counts as failed. */
export function archiveProgress(archive: ArchiveDownload): ArchiveProgress {
  switch (archive.status) {
    case "Ready":
      return archive.fileUrl === undefined
        ? {
            kind: "failed",
            message:
              "MediaValet says the archive is ready but gave no link Valet can use. Start the download again; if it keeps happening, tell your MediaValet administrator.",
          }
        : { kind: "ready", url: archive.fileUrl, fileName: archive.fileName, fileSize: archive.fileSize };
    case "Failed":
      return {
        kind: "failed",
        message:
          "MediaValet could not build the archive. Start the download again; if it fails again, download fewer assets at a time or tell your MediaValet administrator.",
      };
    case "Expired":
      return {
        kind: "expired",
        message: "The archive's link has expired. Start the download again to get a fresh one.",
      };
    default:
      // Queued, Processing, and any state MediaValet adds later: still on its way.
      return {
        kind: "working",
        done: Math.min(archive.processedCount, archive.itemCount),
        total: archive.itemCount,
      };
  }
}
