import { vi, type Mock } from "vitest";
import type { ApiClient, Asset, AssetPage } from "../../../src/api";

/** The pages call the typed methods only; `request` stays a plain function because it is generic. */
export type FakeApi = { [K in Exclude<keyof ApiClient, "request">]: Mock<ApiClient[K]> } & Pick<
  ApiClient,
  "request"
>;

/** An ApiClient whose every method is a mock that fails until a test says otherwise. */
export function createFakeApi(): FakeApi {
  const unexpected = (name: string) => () => Promise.reject(new Error(`Unexpected call to ${name}`));
  return {
    request: () => Promise.reject(new Error("Unexpected call to request")),
    getCurrentUser: vi.fn(unexpected("getCurrentUser")),
    listAssets: vi.fn(unexpected("listAssets")),
    searchAssets: vi.fn(unexpected("searchAssets")),
    getAsset: vi.fn(unexpected("getAsset")),
    patchAsset: vi.fn(unexpected("patchAsset")),
    getAssetKeywords: vi.fn(unexpected("getAssetKeywords")),
    addAssetKeywords: vi.fn(unexpected("addAssetKeywords")),
    removeAssetKeyword: vi.fn(unexpected("removeAssetKeyword")),
    getAssetAttributes: vi.fn(unexpected("getAssetAttributes")),
    getAssetCategories: vi.fn(unexpected("getAssetCategories")),
    getAssetRenditions: vi.fn(unexpected("getAssetRenditions")),
    listDirectLinks: vi.fn(unexpected("listDirectLinks")),
    createDirectLink: vi.fn(unexpected("createDirectLink")),
    listComments: vi.fn(unexpected("listComments")),
    addComment: vi.fn(unexpected("addComment")),
    getHistory: vi.fn(unexpected("getHistory")),
    listRelatedAssets: vi.fn(unexpected("listRelatedAssets")),
    listCategories: vi.fn(unexpected("listCategories")),
    getCategory: vi.fn(unexpected("getCategory")),
    listCategoryAssets: vi.fn(unexpected("listCategoryAssets")),
    listKeywords: vi.fn(unexpected("listKeywords")),
    listAttributes: vi.fn(unexpected("listAttributes")),
    getFacets: vi.fn(unexpected("getFacets")),
    listSavedSearches: vi.fn(unexpected("listSavedSearches")),
    createSavedSearch: vi.fn(unexpected("createSavedSearch")),
    updateSavedSearch: vi.fn(unexpected("updateSavedSearch")),
    deleteSavedSearch: vi.fn(unexpected("deleteSavedSearch")),
    sendBulk: vi.fn(unexpected("sendBulk")),
    listLightboxes: vi.fn(unexpected("listLightboxes")),
    getLightbox: vi.fn(unexpected("getLightbox")),
    createLightbox: vi.fn(unexpected("createLightbox")),
    updateLightbox: vi.fn(unexpected("updateLightbox")),
    deleteLightbox: vi.fn(unexpected("deleteLightbox")),
    addLightboxAssets: vi.fn(unexpected("addLightboxAssets")),
    removeLightboxAsset: vi.fn(unexpected("removeLightboxAsset")),
    checkDownload: vi.fn(unexpected("checkDownload")),
    getDownloadLink: vi.fn(unexpected("getDownloadLink")),
    startArchive: vi.fn(unexpected("startArchive")),
    getArchive: vi.fn(unexpected("getArchive")),
    recordDownload: vi.fn(unexpected("recordDownload")),
    getCurrentPermissions: vi.fn(unexpected("getCurrentPermissions")),
  };
}

export function testAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: "a1",
    title: "Harbour at dawn",
    description: "Boats in the harbour",
    altText: "Fishing boats",
    status: 0,
    media: {
      type: "Image",
      thumb: "https://media.example/a1/thumb.jpg",
      large: "https://media.example/a1/large.jpg",
    },
    file: {
      fileName: "harbour.jpg",
      fileType: "JPG",
      sizeInBytes: 2_400_000,
      imageWidth: 6000,
      imageHeight: 4000,
    },
    keywords: ["sea"],
    categories: ["c1"],
    record: { createdAt: "2026-01-02T03:04:05Z" },
    attributes: {},
    ...overrides,
  };
}

export function testPage(assets: Asset[], total = assets.length, offset = 0): AssetPage {
  return { assets, total, offset, count: assets.length };
}
