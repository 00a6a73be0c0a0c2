import { ApiError } from "./apiError";
import type { DirectLinkRecord, DirectLinkSize } from "./directLinkStore";
import type { FindStores } from "./findStores";
import { pageOf, pagingFromQuery } from "./paging";
import { requirePermission } from "./permissions";
import { readJsonBody } from "./requestBody";
import type { ApiData, Route } from "./routes";
import type { AssetRecord } from "./seed/assets";
import { userRefOf } from "./userRef";

const MAX_LINK_NAME = 100;
const MAX_CUSTOM_SIDE = 10_000;

/** Formats a rendition may be converted to, by asset type; the asset's own file type is always allowed. */
const FORMATS: Record<AssetRecord["type"], readonly string[]> = {
  Image: ["JPG", "JPEG", "PNG", "GIF", "WEBP", "TIFF", "TIF", "BMP"],
  Video: ["MP4"],
  Audio: ["MP3"],
  Document: ["PDF", "JPG", "PNG"],
  Other: [],
};

export function cdnPath(link: DirectLinkRecord, asset: AssetRecord): string {
  const base = asset.fileName.replace(/\.[^.]+$/, "");
  return `/cdn/${link.directLinkId}/${encodeURIComponent(base)}.${link.format.toLowerCase()}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bad(message: string): never {
  throw new ApiError(400, "bad_request", message);
}

function readSize(value: unknown, asset: AssetRecord): DirectLinkSize {
  if (!isRecord(value)) bad("renditionSettings.size must be an object with a type.");
  if (value.type === "Original") return { type: "Original" };
  if (value.type !== "Custom") bad('renditionSettings.size.type must be "Original" or "Custom".');
  if (asset.type !== "Image" && asset.type !== "Video") bad(`A ${asset.type} asset has no custom sizes.`);
  const side = (name: "width" | "height"): number => {
    const given = value[name];
    if (typeof given !== "number" || !Number.isInteger(given) || given < 1 || given > MAX_CUSTOM_SIDE) {
      bad(`renditionSettings.size.${name} must be a whole number from 1 to ${MAX_CUSTOM_SIDE}.`);
    }
    return given;
  };
  return { type: "Custom", width: side("width"), height: side("height") };
}

/** The POST body (research §2.7): `{renditionSettings:{size:{type,…},format}, linkSettings:{linkName,isUniqueLink?}}`. */
function readCreateBody(body: unknown, asset: AssetRecord) {
  if (!isRecord(body)) bad("The body must be a JSON object.");
  const { renditionSettings, linkSettings } = body;
  if (!isRecord(renditionSettings)) bad("renditionSettings is required.");
  if (!isRecord(linkSettings)) bad("linkSettings is required.");
  const size = readSize(renditionSettings.size, asset);
  const format = renditionSettings.format;
  if (typeof format !== "string" || format.trim() === "") bad("renditionSettings.format is required.");
  const upper = format.trim().toUpperCase();
  const allowed = [asset.fileType.toUpperCase(), ...FORMATS[asset.type]];
  if (!allowed.includes(upper)) {
    bad(
      `A ${asset.type} asset cannot be delivered as ${upper}; use one of ${[...new Set(allowed)].join(", ")}.`,
    );
  }
  const linkName = linkSettings.linkName;
  if (typeof linkName !== "string" || linkName.trim() === "" || linkName.trim().length > MAX_LINK_NAME) {
    bad(`linkSettings.linkName must be 1 to ${MAX_LINK_NAME} characters.`);
  }
  const isUniqueLink = linkSettings.isUniqueLink ?? false;
  if (typeof isUniqueLink !== "boolean") bad("linkSettings.isUniqueLink must be true or false.");
  return { size, format: upper, linkName: linkName.trim(), isUniqueLink };
}

const sameSize = (a: DirectLinkSize, b: DirectLinkSize): boolean =>
  a.type === b.type &&
  (a.type === "Original" || (b.type === "Custom" && a.width === b.width && a.height === b.height));

/** CDN direct links (research §2.7): list an asset's links, create one. */
export function directLinkRoutes(data: ApiData & { find: FindStores }): Route[] {
  const { library, apiUrl } = data;
  const links = data.find.directLinks;

  const findAsset = (id: string): AssetRecord => {
    const asset = library.asset(id);
    if (!asset) throw new ApiError(404, "not_found", `Asset ${id} was not found.`);
    return asset;
  };

  const toDto = (link: DirectLinkRecord, asset: AssetRecord) => ({
    directLinkId: link.directLinkId,
    assetId: asset.id,
    cdnLink: `${apiUrl}${cdnPath(link, asset)}`,
    linkName: link.linkName,
    createdAt: link.createdAt,
    user: userRefOf(link.createdBy),
    state: "Active",
    renditionSettings: { size: link.size, format: link.format },
    linkSettings: { linkName: link.linkName, isUniqueLink: link.isUniqueLink },
  });

  return [
    {
      method: "GET",
      path: /^\/directlinks\/([^/]+)$/,
      handle: ({ params, url }) => {
        const asset = findAsset(params[0] ?? "");
        const { page, recordCount } = pageOf(links.forAsset(asset.id), pagingFromQuery(url));
        return { status: 200, payload: page.map((link) => toDto(link, asset)), recordCount };
      },
    },
    {
      method: "POST",
      path: /^\/directlinks\/([^/]+)$/,
      handle: async ({ req, params, claims, apiVersion }) => {
        const asset = findAsset(params[0] ?? "");
        requirePermission(claims, apiVersion, "asset:createDirectLink");
        const wanted = readCreateBody(await readJsonBody(req), asset);
        // Without isUniqueLink, asking again for the same rendition under the same name gives the same link.
        const existing = wanted.isUniqueLink
          ? undefined
          : links
              .forAsset(asset.id)
              .find(
                (link) =>
                  !link.isUniqueLink &&
                  link.linkName.toLowerCase() === wanted.linkName.toLowerCase() &&
                  link.format === wanted.format &&
                  sameSize(link.size, wanted.size),
              );
        if (existing) return { status: 200, payload: toDto(existing, asset) };
        const link = links.create({ ...wanted, assetId: asset.id, createdBy: claims.sub });
        data.find.activity.record(asset, "DirectLinkCreated", claims.sub, link.linkName);
        return { status: 201, payload: toDto(link, asset) };
      },
    },
  ];
}
