import { assetPermissions } from "./permissions";
import type { Route } from "./routes";

/** `GET /users/current/permissions`: what the signed-in person may do, in the shape the API version reads. */
export function userPermissionRoutes(): Route[] {
  return [
    {
      method: "GET",
      path: /^\/users\/current\/permissions$/,
      handle: ({ claims, apiVersion }) => ({ status: 200, payload: assetPermissions(claims, apiVersion) }),
    },
  ];
}
