import { toAssetDto } from "./assetDto";
import { ApiError } from "./apiError";
import type { CommentRecord, HistoryEvent } from "./activityLog";
import type { FindStores } from "./findStores";
import { pageOf, pagingFromQuery } from "./paging";
import { assetPermissions, requirePermission } from "./permissions";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route } from "./routes";
import type { AssetRecord } from "./seed/assets";
import { userRefOf } from "./userRef";

const MAX_COMMENT_LENGTH = 2000;
const MAX_RELATED = 12;

function toCommentDto(comment: CommentRecord) {
  return {
    id: comment.id,
    comment: comment.comment,
    commentType: comment.commentType,
    addedAt: comment.addedAt,
    addedBy: userRefOf(comment.addedBy),
  };
}

function toHistoryDetail(event: HistoryEvent) {
  const user = userRefOf(event.userId);
  return {
    date: event.date,
    type: event.type,
    user: { username: user?.username ?? null },
    sharedTo: event.sharedTo,
  };
}

/**
 * Related assets: the same type filed in exactly the same categories (the seed's "same subject"), newest first. A
 * real library relates assets by hand; the sandbox derives the relation so that every seeded asset has some.
 */
function relatedTo(asset: AssetRecord, all: readonly AssetRecord[]): AssetRecord[] {
  const key = (candidate: AssetRecord) => `${candidate.type}|${[...candidate.categories].sort().join(",")}`;
  const wanted = key(asset);
  return all.filter((candidate) => candidate !== asset && key(candidate) === wanted).slice(0, MAX_RELATED);
}

/** An asset's comments, history and related assets (research §2.4). */
export function activityRoutes(data: ApiData & { find: FindStores }): Route[] {
  const { library, apiUrl } = data;
  const { activity } = data.find;

  const findAsset = (id: string): AssetRecord => {
    const asset = library.asset(id);
    if (!asset) throw new ApiError(404, "not_found", `Asset ${id} was not found.`);
    return asset;
  };

  return [
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/comments$/,
      handle: ({ params, url }) => {
        const { page, recordCount } = pageOf(
          activity.comments(findAsset(params[0] ?? "")),
          pagingFromQuery(url),
        );
        return { status: 200, payload: page.map(toCommentDto), recordCount };
      },
    },
    {
      method: "POST",
      path: /^\/assets\/([^/]+)\/comments$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const asset = findAsset(params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:comment");
        const body = await readJsonBody(req);
        const text =
          typeof body === "object" && body !== null ? (body as { comment?: unknown }).comment : undefined;
        if (typeof text !== "string" || text.trim() === "" || text.length > MAX_COMMENT_LENGTH) {
          throw new ApiError(
            400,
            "bad_request",
            `The body must be {"comment": "…"} with 1 to ${MAX_COMMENT_LENGTH} characters.`,
          );
        }
        return { status: 201, payload: toCommentDto(activity.addComment(asset, text.trim(), claims.sub)) };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/history$/,
      handle: ({ params, url }) => {
        const asset = findAsset(params[0] ?? "");
        const { page, recordCount } = pageOf(activity.history(asset), pagingFromQuery(url));
        return {
          status: 200,
          payload: [{ assetId: asset.id, assetHistoryDetail: page.map(toHistoryDetail) }],
          recordCount,
        };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)\/relatedassets$/,
      handle: ({ params, url, claims, apiVersion }) => {
        const asset = findAsset(params[0] ?? "");
        const { page, recordCount } = pageOf(relatedTo(asset, library.assets), pagingFromQuery(url));
        const permissions = assetPermissions(claims, apiVersion);
        return {
          status: 200,
          payload: page.map((related) => toAssetDto(related, apiUrl, permissions)),
          recordCount,
        };
      },
    },
  ];
}
