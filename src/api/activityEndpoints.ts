import { assetPath } from "./assetPath";
import type { ApiTransport } from "./createApiTransport";
import { isRecord } from "./isRecord";
import { normalizeAsset } from "./normalizeAsset";
import { readAllPages } from "./readAllPages";
import { readList } from "./readList";
import { readRecord } from "./readRecord";
import { readWholeList } from "./readWholeList";
import type { Asset } from "./types";

/** Who did something, as MediaValet names people in activity. */
export interface ActivityUser {
  username: string;
  firstName?: string;
  lastName?: string;
}

/** One comment on an asset (`GET /assets/{id}/comments`). */
export interface AssetComment {
  id: string;
  comment: string;
  /** "General" for everything Valet adds. */
  commentType?: string;
  addedAt?: string;
  addedBy?: ActivityUser;
}

/** One event in an asset's history: what happened (`type`, e.g. "Uploaded"), when, by whom, shared to whom. */
export interface AssetHistoryEntry {
  date?: string;
  type: string;
  username?: string;
  sharedTo?: string;
}

/** What people did with an asset: its comments, its history, and the assets related to it. */
export interface ActivityEndpoints {
  /** `GET /assets/{id}/comments`, every page, oldest first as MediaValet lists them. */
  listComments(assetId: string, signal?: AbortSignal): Promise<AssetComment[]>;
  /**
   * `POST /assets/{id}/comments` with `{ comment }`. Needs the `asset:comment` permission (403 on API version 1.2,
   * 401 before, as an ApiError naming the action).
   */
  addComment(assetId: string, comment: string, signal?: AbortSignal): Promise<AssetComment>;
  /** `GET /assets/{id}/history`, every page of `payload[0].assetHistoryDetail`, newest first. */
  getHistory(assetId: string, signal?: AbortSignal): Promise<AssetHistoryEntry[]>;
  /** `GET /assets/{id}/relatedassets`: whole assets, their media links checked as getAsset's are. */
  listRelatedAssets(assetId: string, signal?: AbortSignal): Promise<Asset[]>;
}

export function createActivityEndpoints(transport: ApiTransport): ActivityEndpoints {
  const { request } = transport;
  return {
    async listComments(assetId, signal) {
      const comments = await readWholeList<Record<string, unknown>>(
        transport,
        `${assetPath(assetId)}/comments`,
        "the asset's comments",
        "see this asset's comments",
        signal,
      );
      return comments.map(toComment);
    },

    async addComment(assetId, comment, signal) {
      const envelope = await request<unknown>(`${assetPath(assetId)}/comments`, {
        method: "POST",
        body: { comment },
        signal,
        action: "comment on this asset",
      });
      return toComment(readRecord(envelope.payload, "the comment"));
    },

    getHistory(assetId, signal) {
      return readAllPages(async (offset, count) => {
        const envelope = await request<unknown>(`${assetPath(assetId)}/history`, {
          query: { count, offset },
          signal,
          action: "see this asset's history",
        });
        // One record per asset, holding the events; the paging counts the events.
        const [record] = readList<Record<string, unknown>>(envelope.payload, "the asset's history");
        const details = record?.["assetHistoryDetail"] ?? [];
        const items = readList<Record<string, unknown>>(details, "the asset's history").map(toHistoryEntry);
        return { items, total: envelope.recordCount?.totalRecordsFound };
      });
    },

    async listRelatedAssets(assetId, signal) {
      const related = await readWholeList<Record<string, unknown>>(
        transport,
        `${assetPath(assetId)}/relatedassets`,
        "the related assets",
        "see this asset's related assets",
        signal,
      );
      return related.map(normalizeAsset);
    },
  };
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function toUser(value: unknown): ActivityUser | undefined {
  if (!isRecord(value)) return undefined;
  const username = text(value["username"]) ?? text(value["userName"]);
  if (username === undefined) return undefined;
  const user: ActivityUser = { username };
  const firstName = text(value["firstName"]);
  if (firstName) user.firstName = firstName;
  const lastName = text(value["lastName"]);
  if (lastName) user.lastName = lastName;
  return user;
}

function toComment(raw: Record<string, unknown>): AssetComment {
  const comment: AssetComment = { id: String(raw["id"] ?? ""), comment: text(raw["comment"]) ?? "" };
  const commentType = text(raw["commentType"]);
  if (commentType !== undefined) comment.commentType = commentType;
  const addedAt = text(raw["addedAt"]);
  if (addedAt !== undefined) comment.addedAt = addedAt;
  const addedBy = toUser(raw["addedBy"]);
  if (addedBy !== undefined) comment.addedBy = addedBy;
  return comment;
}

function toHistoryEntry(raw: Record<string, unknown>): AssetHistoryEntry {
  const entry: AssetHistoryEntry = { type: text(raw["type"]) ?? "" };
  const date = text(raw["date"]);
  if (date !== undefined) entry.date = date;
  const username = toUser(raw["user"])?.username;
  if (username !== undefined) entry.username = username;
  const sharedTo = text(raw["sharedTo"]);
  if (sharedTo) entry.sharedTo = sharedTo;
  return entry;
}
