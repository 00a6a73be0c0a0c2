import { ApiError } from "./apiError";
import { toAssetDto } from "./assetDto";
import { toCategoryDto } from "./categoryDto";
import type { Library } from "./library";
import { pageOf, pagingFromQuery } from "./paging";
import { assetPermissions } from "./permissions";
import type { ApiData, Route } from "./routes";
import type { CategoryRecord } from "./seed/categories";

function findCategory(library: Library, id: string): CategoryRecord {
  const category = library.category(id);
  if (!category) throw new ApiError(404, "not_found", `Category ${id} was not found.`);
  return category;
}

/** The folder tree (research §2.5): a flat list whose entries name their parent and their path from the root. */
export function categoryRoutes(data: ApiData): Route[] {
  const { library } = data;
  return [
    {
      method: "GET",
      path: /^\/categories$/,
      handle: ({ url }) => {
        const { page, recordCount } = pageOf(library.categories, pagingFromQuery(url));
        return {
          status: 200,
          payload: page.map((category) => toCategoryDto(category, library)),
          recordCount,
        };
      },
    },
    {
      method: "GET",
      path: /^\/categories\/([^/]+)$/,
      handle: ({ params }) => ({
        status: 200,
        payload: toCategoryDto(findCategory(library, params[0] ?? ""), library),
      }),
    },
    {
      method: "GET",
      path: /^\/categories\/([^/]+)\/assets$/,
      handle: ({ params, url, claims, apiVersion }) => {
        const category = findCategory(library, params[0] ?? "");
        const filed = library.assets.filter((asset) => asset.categories.includes(category.id));
        const { page, recordCount } = pageOf(filed, pagingFromQuery(url));
        const permissions = assetPermissions(claims, apiVersion);
        return {
          status: 200,
          payload: {
            assetCount: filed.length,
            assets: page.map((asset) => toAssetDto(asset, data.apiUrl, permissions)),
          },
          recordCount,
        };
      },
    },
  ];
}
