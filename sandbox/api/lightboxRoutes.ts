import { findUserById } from "../users";
import { ApiError } from "./apiError";
import { toAssetDto } from "./assetDto";
import type { AccessTokenClaims } from "./bearer";
import { pageOf, pagingFromQuery } from "./paging";
import {
  assetPermissions,
  permissionDenied,
  permissionsBlock,
  requirePermission,
  type PermissionsBlock,
} from "./permissions";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route } from "./routes";
import type { LightboxRecord } from "./seed/lightboxes";

const MAX_NAME_LENGTH = 100;
/** What the owner may do with a lightbox; someone it is shared with may only look. */
const OWNER_PERMISSIONS = ["lightbox:view", "lightbox:editDetails", "lightbox:editAssets", "lightbox:delete"];
const SHARED_PERMISSIONS = ["lightbox:view"];

function userRef(id: string) {
  const user = findUserById(id);
  return user
    ? { id: user.id, username: user.username, firstName: user.givenName, lastName: user.familyName }
    : null;
}

/** MediaValet's lightbox shape (the Postman collection's examples, as api-evangelist's OpenAPI carries them). */
function toLightboxDto(lightbox: LightboxRecord, userId: string, apiVersion: string) {
  const permissions: PermissionsBlock = permissionsBlock(
    lightbox.ownerId === userId ? OWNER_PERMISSIONS : SHARED_PERMISSIONS,
    apiVersion,
  );
  return {
    id: lightbox.id,
    name: lightbox.name,
    description: lightbox.description,
    assetCount: lightbox.assetIds.length,
    owner: userRef(lightbox.ownerId),
    approverId: null,
    record: {
      createdAt: lightbox.createdAt,
      createdBy: userRef(lightbox.ownerId),
      modifiedAt: lightbox.modifiedAt,
      modifiedBy: userRef(lightbox.modifiedBy),
    },
    requestedAt: null,
    includedInBrandedPortalSync: false,
    syncedBrandedPortals: [],
    permissions,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ApiError(400, "bad_request", "name must be a non-empty string.");
  }
  if (value.trim().length > MAX_NAME_LENGTH) {
    throw new ApiError(400, "bad_request", `name must be at most ${MAX_NAME_LENGTH} characters.`);
  }
  return value.trim();
}

function readDescription(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new ApiError(400, "bad_request", "description must be a string.");
  return value;
}

function readIds(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0 || !body.every((id) => typeof id === "string" && id !== "")) {
    throw new ApiError(400, "bad_request", 'The body must be a list of asset ids, e.g. ["<assetId>"].');
  }
  return body as string[];
}

/** Lightboxes (research §5; paths from MediaValet's Postman collection, shapes indicative). */
export function lightboxRoutes(data: ApiData): Route[] {
  const { library, lightboxes } = data;

  const visible = (id: string, claims: AccessTokenClaims): LightboxRecord => {
    const lightbox = lightboxes.find(id, claims.sub);
    if (!lightbox) throw new ApiError(404, "not_found", `Lightbox ${id} was not found.`);
    return lightbox;
  };
  /** Only the owner changes a lightbox; the refusal names the lightbox permission that is missing. */
  const owned = (id: string, claims: AccessTokenClaims, apiVersion: string, permission: string) => {
    const lightbox = visible(id, claims);
    if (lightbox.ownerId !== claims.sub) throw permissionDenied(apiVersion, permission);
    return lightbox;
  };
  const touch = (lightbox: LightboxRecord, userId: string): void => {
    lightbox.modifiedAt = new Date().toISOString();
    lightbox.modifiedBy = userId;
  };
  const rename = (lightbox: LightboxRecord, userId: string, name: string): void => {
    const clash = lightboxes
      .visibleTo(userId)
      .some(
        (other) =>
          other !== lightbox && other.ownerId === userId && other.name.toLowerCase() === name.toLowerCase(),
      );
    if (clash) throw new ApiError(409, "conflict", `You already have a lightbox named "${name}".`);
    lightbox.name = name;
  };

  return [
    {
      method: "GET",
      path: /^\/lightboxes$/,
      handle: ({ url, claims, apiVersion }) => {
        const { page, recordCount } = pageOf(lightboxes.visibleTo(claims.sub), pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((lightbox) => toLightboxDto(lightbox, claims.sub, apiVersion)),
          recordCount,
        };
      },
    },
    {
      method: "POST",
      path: /^\/lightboxes$/,
      handle: async ({ req, claims, apiVersion }) => {
        requirePermission(claims, apiVersion, "lightbox:create");
        const body = await readJsonBody(req);
        if (!isRecord(body)) throw new ApiError(400, "bad_request", "The body must be a JSON object.");
        const name = readName(body["name"]);
        const lightbox = lightboxes.create(claims.sub, "", readDescription(body["description"]), new Date());
        try {
          rename(lightbox, claims.sub, name);
        } catch (error) {
          lightboxes.remove(lightbox);
          throw error;
        }
        return { status: 200, payload: toLightboxDto(lightbox, claims.sub, apiVersion) };
      },
    },
    {
      method: "GET",
      path: /^\/lightboxes\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => ({
        status: 200,
        payload: toLightboxDto(visible(params[0] ?? "", claims), claims.sub, apiVersion),
      }),
    },
    {
      method: "PUT",
      path: /^\/lightboxes\/([^/]+)$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const lightbox = owned(params[0] ?? "", claims, apiVersion, "lightbox:editDetails");
        const body = await readJsonBody(req);
        if (!isRecord(body)) throw new ApiError(400, "bad_request", "The body must be a JSON object.");
        const description = readDescription(body["description"]);
        rename(lightbox, claims.sub, readName(body["name"]));
        lightbox.description = description;
        touch(lightbox, claims.sub);
        return { status: 200, payload: toLightboxDto(lightbox, claims.sub, apiVersion) };
      },
    },
    {
      method: "PATCH",
      path: /^\/lightboxes\/([^/]+)$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const lightbox = owned(params[0] ?? "", claims, apiVersion, "lightbox:editDetails");
        const body = await readJsonBody(req, ["application/json-patch+json", "application/json"]);
        if (!Array.isArray(body))
          throw new ApiError(400, "bad_request", "The body must be a JSON Patch array.");
        // Like PATCH /assets/{id}: operations it cannot apply are skipped and named in `errors`.
        const errors = [];
        for (const operation of body as unknown[]) {
          const op = isRecord(operation) ? operation : {};
          const path = String(op["path"] ?? "").toLowerCase();
          try {
            if (op["op"] !== "replace")
              throw new ApiError(400, "bad_request", 'Only "replace" is supported.');
            if (path === "/name") rename(lightbox, claims.sub, readName(op["value"]));
            else if (path === "/description") lightbox.description = readDescription(op["value"]);
            else throw new ApiError(400, "bad_request", `${String(op["path"])} cannot be changed.`);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            errors.push({ code: error.code, message: `${String(op["path"])}: ${error.message}` });
          }
        }
        touch(lightbox, claims.sub);
        return { status: 200, payload: toLightboxDto(lightbox, claims.sub, apiVersion), errors };
      },
    },
    {
      method: "DELETE",
      path: /^\/lightboxes\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => {
        lightboxes.remove(owned(params[0] ?? "", claims, apiVersion, "lightbox:delete"));
        return { status: 200, payload: null };
      },
    },
    {
      method: "GET",
      path: /^\/lightboxes\/([^/]+)\/assets$/,
      handle: ({ params, url, claims, apiVersion }) => {
        const lightbox = visible(params[0] ?? "", claims);
        const held = lightbox.assetIds.flatMap((id) => library.asset(id) ?? []);
        const { page, recordCount } = pageOf(held, pagingFromQuery(url));
        const permissions = assetPermissions(claims, apiVersion);
        return {
          status: 200,
          payload: {
            assetCount: held.length,
            assets: page.map((asset) => toAssetDto(asset, data.apiUrl, permissions)),
          },
          recordCount,
        };
      },
    },
    {
      method: "POST",
      path: /^\/lightboxes\/([^/]+)\/assets$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const lightbox = owned(params[0] ?? "", claims, apiVersion, "lightbox:editAssets");
        const ids = readIds(await readJsonBody(req));
        const unknown = ids.filter((id) => !library.asset(id));
        if (unknown.length > 0) {
          throw new ApiError(
            400,
            "bad_request",
            `No asset with id ${unknown.join(", ")}; nothing was added.`,
          );
        }
        const added = ids.flatMap((id) => library.asset(id)?.id ?? []);
        for (const id of added) if (!lightbox.assetIds.includes(id)) lightbox.assetIds.push(id);
        touch(lightbox, claims.sub);
        return { status: 200, payload: added };
      },
    },
    {
      method: "DELETE",
      path: /^\/lightboxes\/([^/]+)\/assets$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const lightbox = owned(params[0] ?? "", claims, apiVersion, "lightbox:editAssets");
        const ids = readIds(await readJsonBody(req)).map((id) => id.toLowerCase());
        const removed = lightbox.assetIds.filter((id) => ids.includes(id.toLowerCase()));
        lightbox.assetIds.splice(
          0,
          lightbox.assetIds.length,
          ...lightbox.assetIds.filter((id) => !removed.includes(id)),
        );
        touch(lightbox, claims.sub);
        return { status: 200, payload: removed };
      },
    },
    {
      method: "DELETE",
      path: /^\/lightboxes\/([^/]+)\/assets\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => {
        const lightbox = owned(params[0] ?? "", claims, apiVersion, "lightbox:editAssets");
        const wanted = (params[1] ?? "").toLowerCase();
        const index = lightbox.assetIds.findIndex((id) => id.toLowerCase() === wanted);
        if (index < 0) {
          throw new ApiError(404, "not_found", `Lightbox ${lightbox.id} does not hold asset ${params[1]}.`);
        }
        lightbox.assetIds.splice(index, 1);
        touch(lightbox, claims.sub);
        return { status: 200, payload: null };
      },
    },
  ];
}
