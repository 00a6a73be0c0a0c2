import { ApiError } from "./apiError";
import { requirePermission } from "./permissions";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route } from "./routes";

/**
 * Filing an asset in categories and taking it out. MediaValet documents `POST /uploads/{id}/categories ["<catId>"]`
 * (201) for new uploads; the same shape on `/assets/{id}/categories` for existing assets is inferred.
 */
export function assetCategoryRoutes(data: ApiData): Route[] {
  const { library } = data;
  const findAsset = (id: string) => {
    const asset = library.asset(id);
    if (!asset) throw new ApiError(404, "not_found", `Asset ${id} was not found.`);
    return asset;
  };
  return [
    {
      method: "POST",
      path: /^\/assets\/([^/]+)\/categories$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const asset = findAsset(params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:assignCategory");
        const body = await readJsonBody(req);
        if (!Array.isArray(body) || body.length === 0 || !body.every((id) => typeof id === "string")) {
          throw new ApiError(
            400,
            "bad_request",
            'The body must be a list of category ids, e.g. ["<categoryId>"].',
          );
        }
        const unknown = (body as string[]).filter((id) => !library.category(id));
        if (unknown.length > 0) {
          throw new ApiError(
            400,
            "bad_request",
            `No category with id ${unknown.join(", ")}; nothing was filed.`,
          );
        }
        let changed = false;
        for (const id of body as string[]) {
          const category = library.category(id);
          if (category && !asset.categories.includes(category.id)) {
            asset.categories.push(category.id);
            changed = true;
          }
        }
        if (changed) library.touch(asset, claims.sub);
        return { status: 201, payload: [...asset.categories] };
      },
    },
    {
      method: "DELETE",
      path: /^\/assets\/([^/]+)\/categories\/([^/]+)$/,
      handle: ({ params, claims, apiVersion }) => {
        const asset = findAsset(params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:assignCategory");
        const wanted = (params[1] ?? "").toLowerCase();
        const index = asset.categories.findIndex((id) => id.toLowerCase() === wanted);
        if (index < 0)
          throw new ApiError(404, "not_found", `Asset ${asset.id} is not in category ${params[1]}.`);
        asset.categories.splice(index, 1);
        library.touch(asset, claims.sub);
        return { status: 200, payload: null };
      },
    },
  ];
}
