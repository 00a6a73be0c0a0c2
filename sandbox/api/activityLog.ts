import type { Library } from "./library";
import type { AssetRecord } from "./seed/assets";

/**
 * What happened to an asset, for `GET /assets/{id}/history`. MediaValet's event names are not public; these are the
 * sandbox's own, in its PascalCase style.
 */
export type HistoryType =
  | "Uploaded"
  | "Approved"
  | "MetadataUpdated"
  | "KeywordsAdded"
  | "KeywordRemoved"
  | "CommentAdded"
  | "DirectLinkCreated";

export interface HistoryEvent {
  readonly date: string;
  readonly type: HistoryType;
  readonly userId: string;
  /** Whom the asset was shared with (a direct link's name); null for other events. */
  readonly sharedTo: string | null;
}

export interface CommentRecord {
  readonly id: string;
  readonly comment: string;
  readonly commentType: "General";
  readonly addedAt: string;
  readonly addedBy: string;
}

/** Comments and history per asset, for the life of the sandbox. */
export interface ActivityLog {
  /** Newest first: the seeded upload and approval, then everything recorded since. */
  history(asset: AssetRecord): HistoryEvent[];
  record(asset: AssetRecord, type: HistoryType, userId: string, sharedTo?: string | null): void;
  /** Oldest first, as a conversation reads. */
  comments(asset: AssetRecord): CommentRecord[];
  addComment(asset: AssetRecord, comment: string, userId: string): CommentRecord;
}

export function createActivityLog(newId: () => string, now: () => Date = () => new Date()): ActivityLog {
  const events = new Map<string, HistoryEvent[]>();
  const comments = new Map<string, CommentRecord[]>();
  const listOf = <T>(map: Map<string, T[]>, asset: AssetRecord): T[] => {
    let list = map.get(asset.id);
    if (!list) map.set(asset.id, (list = []));
    return list;
  };

  const record: ActivityLog["record"] = (asset, type, userId, sharedTo = null) => {
    listOf(events, asset).push({ date: now().toISOString(), type, userId, sharedTo });
  };

  return {
    history(asset) {
      const seeded: HistoryEvent[] = [
        { date: asset.uploadedAt, type: "Uploaded", userId: asset.createdBy, sharedTo: null },
      ];
      if (asset.approvedAt) {
        seeded.push({ date: asset.approvedAt, type: "Approved", userId: asset.createdBy, sharedTo: null });
      }
      return [...seeded, ...(events.get(asset.id) ?? [])].sort((a, b) => b.date.localeCompare(a.date));
    },
    record,
    comments: (asset) => [...(comments.get(asset.id) ?? [])],
    addComment(asset, comment, userId) {
      const added: CommentRecord = {
        id: newId(),
        comment,
        commentType: "General",
        addedAt: now().toISOString(),
        addedBy: userId,
      };
      listOf(comments, asset).push(added);
      record(asset, "CommentAdded", userId);
      return added;
    },
  };
}

/**
 * The library, with its edits written to the activity log: a metadata patch (which ends in `touch`), keyword adds and
 * removals (as the keyword job applies them). Reads pass straight through.
 */
export function recordingActivity(library: Library, activity: ActivityLog): Library {
  return {
    ...library,
    touch(asset, userId) {
      library.touch(asset, userId);
      activity.record(asset, "MetadataUpdated", userId);
    },
    addKeywords(asset, names, userId) {
      const before = asset.keywords.length;
      library.addKeywords(asset, names, userId);
      if (asset.keywords.length > before) activity.record(asset, "KeywordsAdded", userId);
    },
    removeKeyword(asset, keywordId, userId) {
      const removed = library.removeKeyword(asset, keywordId, userId);
      if (removed) activity.record(asset, "KeywordRemoved", userId);
      return removed;
    },
  };
}
