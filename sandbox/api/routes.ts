import type { IncomingMessage } from "node:http";
import type { SignInLog } from "../signInLog";
import { findUserById } from "../users";
import { ApiError } from "./apiError";
import { toAssetDto } from "./assetDto";
import type { AccessTokenClaims } from "./bearer";
import type { RecordCount } from "./envelope";
import { searchAssets } from "./search";
import type { AssetRecord } from "./seed/assets";

/** What a route handler gets: the parsed request and the verified caller. */
export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  params: string[];
  claims: AccessTokenClaims;
}

/** A successful answer; failures are thrown as ApiError. */
export interface RouteResult {
  status: number;
  payload: unknown;
  recordCount?: RecordCount;
}

export interface Route {
  method: string;
  /** Anchored; capture groups become `params`. */
  path: RegExp;
  handle(request: RouteRequest): RouteResult | Promise<RouteResult>;
}

export interface ApiData {
  apiUrl: string;
  assets: readonly AssetRecord[];
  signIns: SignInLog;
}

const DEFAULT_COUNT = 50;
const MAX_COUNT = 1000;

/** `count` and `offset` as MediaValet reads them: names ignore case, defaults 50 and 0. */
function paging(url: URL): { count: number; offset: number } {
  const value = (name: string): string | undefined => {
    for (const [key, raw] of url.searchParams) if (key.toLowerCase() === name) return raw;
    return undefined;
  };
  const read = (name: string, fallback: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw)) throw new ApiError(400, "bad_request", `${name} must be a whole number.`);
    return Math.min(Number(raw), max);
  };
  return {
    count: read("count", DEFAULT_COUNT, MAX_COUNT),
    offset: read("offset", 0, Number.MAX_SAFE_INTEGER),
  };
}

export function createRoutes(data: ApiData): Route[] {
  const byId = new Map(data.assets.map((asset) => [asset.id.toLowerCase(), asset]));

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
    {
      method: "GET",
      path: /^\/assets$/,
      handle: ({ url }) => {
        const { count, offset } = paging(url);
        const found = searchAssets(data.assets, url.searchParams.get("search") ?? "");
        const page = found.slice(offset, offset + count);
        return {
          status: 200,
          payload: { assetCount: found.length, assets: page.map((asset) => toAssetDto(asset, data.apiUrl)) },
          recordCount: {
            totalRecordsFound: found.length,
            startingRecord: offset + 1,
            recordsReturned: page.length,
          },
        };
      },
    },
    {
      method: "GET",
      path: /^\/assets\/([^/]+)$/,
      handle: ({ params }) => {
        const id = params[0] ?? "";
        const asset = byId.get(id.toLowerCase());
        if (!asset) throw new ApiError(404, "not_found", `Asset ${id} was not found.`);
        return { status: 200, payload: toAssetDto(asset, data.apiUrl) };
      },
    },
  ];
}
