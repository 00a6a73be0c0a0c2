import type { IncomingMessage } from "node:http";
import type { ControlState } from "../control/controlState";
import type { SignInLog } from "../signInLog";
import { findUserById } from "../users";
import { ApiError, type ApiErrorEntry } from "./apiError";
import { assetCategoryRoutes } from "./assetCategoryRoutes";
import { assetRoutes } from "./assetRoutes";
import type { AccessTokenClaims } from "./bearer";
import { categoryRoutes } from "./categoryRoutes";
import type { RecordCount } from "./envelope";
import { activityRoutes } from "./activityRoutes";
import { directLinkRoutes } from "./directLinkRoutes";
import { downloadRoutes } from "./downloadRoutes";
import type { DownloadStore } from "./downloadStore";
import type { FindStores } from "./findStores";
import type { KeywordQueue } from "./keywordQueue";
import type { Library } from "./library";
import { lightboxRoutes } from "./lightboxRoutes";
import type { LightboxStore } from "./lightboxStore";
import { pageOf, pagingFromQuery } from "./paging";
import { searchRoutes } from "./searchRoutes";
import { userPermissionRoutes } from "./userPermissionRoutes";

/** What a route handler gets: the parsed request and the verified caller. */
export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  params: string[];
  claims: AccessTokenClaims;
  /** The `x-mv-api-version` asked for, "1.0" by default. */
  apiVersion: string;
}

/** A successful answer; failures are thrown as ApiError. */
export interface RouteResult {
  status: number;
  payload: unknown;
  recordCount?: RecordCount;
  /** Problems that did not stop the request (e.g. skipped patch operations), reported in the envelope. */
  errors?: ApiErrorEntry[];
  /** A body sent as is instead of the envelope (`POST /bulk`'s multipart answer). */
  raw?: { contentType: string; body: string; headers?: Record<string, string> };
}

export interface Route {
  method: string;
  /** Anchored; capture groups become `params`. */
  path: RegExp;
  handle(request: RouteRequest): RouteResult | Promise<RouteResult>;
}

export interface ApiData {
  apiUrl: string;
  library: Library;
  /** Keyword writes wait here before they apply, as MediaValet's background job applies them. */
  keywordQueue: KeywordQueue;
  signIns: SignInLog;
  lightboxes: LightboxStore;
  downloads: DownloadStore;
  /** Test controls the endpoints read (archive timing) and the stats they count. */
  control: ControlState;
  /** Saved searches, direct links, comments and history. */
  find: FindStores;
}

/** Every endpoint of the DAM API that the sandbox implements. */
export function createRoutes(data: ApiData): Route[] {
  return [
    ...accountRoutes(data),
    ...assetRoutes(data),
    ...categoryRoutes(data),
    ...vocabularyRoutes(data),
    ...assetCategoryRoutes(data),
    ...lightboxRoutes(data),
    ...downloadRoutes(data),
    ...userPermissionRoutes(),
    ...searchRoutes(data),
    ...directLinkRoutes(data),
    ...activityRoutes(data),
  ];
}

function accountRoutes(data: ApiData): Route[] {
  return [
    {
      method: "GET",
      path: /^\/users\/current$/,
      handle: ({ claims }) => {
        const user = findUserById(claims.sub);
        if (!user) throw new ApiError(404, "not_found", "The signed-in user does not exist.");
        return {
          status: 200,
          payload: {
            id: user.id,
            userName: user.username,
            firstName: user.givenName,
            lastName: user.familyName,
            emailAddress: user.email,
            orgUnitId: user.orgUnitId,
            roleId: user.roleId,
            userType: "Standard",
            isApproved: true,
            isSuspended: false,
            lastLoginAt: data.signIns.lastSignIn(user.id)?.toISOString() ?? null,
            createdAt: user.createdAt,
          },
        };
      },
    },
  ];
}

/** The library's keyword list and attribute definitions (research §2.6); both page like any list. */
function vocabularyRoutes(data: ApiData): Route[] {
  return [
    {
      method: "GET",
      path: /^\/keywords$/,
      handle: ({ url }) => {
        const { page, recordCount } = pageOf(data.library.keywords(), pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((keyword) => ({
            id: keyword.id,
            keywordName: keyword.keywordName,
            isSearchable: true,
            isApproved: true,
            approvalStatus: "Approved",
            groupName: "General",
            groupPath: "General",
          })),
          recordCount,
        };
      },
    },
    {
      method: "GET",
      path: /^\/attributes$/,
      handle: ({ url }) => {
        const { page, recordCount } = pageOf(data.library.attributes, pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((attribute) => ({
            id: attribute.id,
            name: attribute.name,
            attributeType: attribute.attributeType,
            isSystemProperty: false,
            isRequired: attribute.isRequired,
            optionsList: [...attribute.optionsList],
            statusList: [],
          })),
          recordCount,
        };
      },
    },
  ];
}
