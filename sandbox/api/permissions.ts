import type { Permission } from "../users";
import { ApiError } from "./apiError";
import type { AccessTokenClaims } from "./bearer";

/** The version from which MediaValet answers a missing permission with 403 instead of 401 (its 1.2 changelog). */
const FORBIDDEN_FROM = [1, 2];

function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split(".").map(Number);
  for (let index = 0; index < minimum.length; index++) {
    const part = parts[index] ?? 0;
    const wanted = minimum[index] ?? 0;
    if (part !== wanted) return part > wanted;
  }
  return true;
}

/** The permissions the access token grants: its `Permissions` claim, as MediaValet's tokens carry them. */
export function permissionsOf(claims: AccessTokenClaims): readonly string[] {
  const claim = claims.Permissions;
  return Array.isArray(claim) ? claim.filter((entry): entry is string => typeof entry === "string") : [];
}

/**
 * Refuses a caller whose token lacks `permission`. Before API version 1.2 MediaValet answered that with 401, the same
 * status as a bad token; from 1.2 with 403. The 401 names `insufficient_scope` (RFC 6750) rather than
 * `invalid_token`, so a client that inspects the header can tell that renewing the token will not help.
 */
export function requirePermission(
  claims: AccessTokenClaims,
  apiVersion: string,
  permission: Permission,
): void {
  if (permissionsOf(claims).includes(permission)) return;
  throw permissionDenied(apiVersion, permission);
}

/** The refusal for a missing permission, also for permissions on one resource (e.g. someone else's lightbox). */
export function permissionDenied(apiVersion: string, permission: string): ApiError {
  const message = `You do not have the ${permission} permission.`;
  if (atLeast(apiVersion, FORBIDDEN_FROM)) return new ApiError(403, "forbidden", message);
  return new ApiError(401, "unauthorized", message, {
    "WWW-Authenticate": `Bearer error="insufficient_scope", error_description="${message}"`,
  });
}

/** MediaValet's `permissions` block: a list of names from API version 1.2, `{ all: [{ name }] }` before (its changelog). */
export type PermissionsBlock = string[] | { all: { name: string }[] };

export function permissionsBlock(permissions: readonly string[], apiVersion: string): PermissionsBlock {
  if (atLeast(apiVersion, FORBIDDEN_FROM)) return [...permissions];
  return { all: permissions.map((name) => ({ name })) };
}

/** The caller's permissions in the shape its API version reads, for an asset's `permissions` field. */
export function assetPermissions(claims: AccessTokenClaims, apiVersion: string): PermissionsBlock {
  return permissionsBlock(permissionsOf(claims), apiVersion);
}
