import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { PatchRefusedError } from "../../../src/api/PatchRefusedError";
import { createApiClient } from "../../../src/api/createApiClient";
import { envelope, stubFetch, TEST_API_BASE, testApiOptions } from "../helpers";

const BASE = TEST_API_BASE;

function client(fetchFn: typeof fetch) {
  return createApiClient(testApiOptions(fetchFn));
}

function call(fetchFn: ReturnType<typeof stubFetch>, index = 0) {
  const [url, init] = fetchFn.mock.calls[index] ?? [];
  return {
    url: String(url),
    method: init?.method,
    contentType: new Headers(init?.headers).get("Content-Type"),
    body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
  };
}

const asset = { id: "a1", title: "Harbour", media: { type: "Image" }, keywords: [], categories: [] };
const category = { id: "c2", name: "Marketing", parentId: "c1", tree: { path: "Root\\Marketing" } };

describe("createApiClient, library endpoints", () => {
  describe("searchAssets", () => {
    it("POSTs the search, filters, sort and paging as JSON to /assets/search", async () => {
      const fetchFn = stubFetch(() =>
        envelope({ assetCount: 7, assets: [asset] }, { recordCount: { totalRecordsFound: 7 } }),
      );
      const page = await client(fetchFn).searchAssets({
        search: "boat",
        filters: "(AssetType EQ Image)",
        sort: "title A",
        count: 1,
        offset: 3,
      });
      expect(call(fetchFn)).toEqual({
        url: `${BASE}/assets/search`,
        method: "POST",
        contentType: "application/json",
        body: {
          search: "boat",
          filters: "(AssetType EQ Image)",
          sort: "title A",
          count: 1,
          offset: 3,
          includeTotalCount: true,
        },
      });
      expect(page).toEqual({ assets: [asset], total: 7, offset: 3, count: 1 });
    });

    it("leaves out empty fields rather than sending blanks MediaValet would read as a filter", async () => {
      const fetchFn = stubFetch(() => envelope({ assets: [] }));
      await client(fetchFn).searchAssets({ search: "", filters: undefined, count: 48 });
      expect(call(fetchFn).body).toEqual({ count: 48, includeTotalCount: true });
    });

    it("takes the total from assetCount, which includeTotalCount asks for, over recordCount", async () => {
      const fetchFn = stubFetch(() =>
        envelope({ assetCount: 212, assets: [asset] }, { recordCount: { totalRecordsFound: 1 } }),
      );
      expect((await client(fetchFn).searchAssets({ count: 1 })).total).toBe(212);
    });

    it("drops unsafe media links from every asset of the page", async () => {
      const unsafe = { ...asset, media: { type: "Image", thumb: "http://remote.example/t.jpg" } };
      const fetchFn = stubFetch(() => envelope({ assetCount: 1, assets: [unsafe] }));
      expect((await client(fetchFn).searchAssets({})).assets[0]?.media).toEqual({ type: "Image" });
    });

    it("falls back to assetCount when there is no recordCount", async () => {
      const fetchFn = stubFetch(() => envelope({ assetCount: 212, assets: [asset] }));
      expect((await client(fetchFn).searchAssets({})).total).toBe(212);
    });

    it("throws bad_response when the payload has no asset list", async () => {
      const fetchFn = stubFetch(() => envelope({ nothing: true }));
      await expect(client(fetchFn).searchAssets({})).rejects.toMatchObject({ code: "bad_response" });
    });
  });

  describe("patchAsset", () => {
    it("sends a JSON Patch with the json-patch content type", async () => {
      const fetchFn = stubFetch(() => envelope({ ...asset, title: "Port" }));
      const operations = [{ op: "replace" as const, path: "/title", value: "Port" }];
      const updated = await client(fetchFn).patchAsset("a1", operations);
      expect(call(fetchFn)).toEqual({
        url: `${BASE}/assets/a1`,
        method: "PATCH",
        contentType: "application/json-patch+json",
        body: operations,
      });
      expect(updated?.title).toBe("Port");
    });

    it("resolves undefined when MediaValet accepts the patch without sending the asset back", async () => {
      const fetchFn = stubFetch(() => new Response(null, { status: 204 }));
      expect(await client(fetchFn).patchAsset("a1", [])).toBeUndefined();
    });

    it("throws PatchRefusedError when MediaValet answers 200 but lists skipped operations", async () => {
      const title = { op: "replace" as const, path: "/title", value: " " };
      const description = { op: "replace" as const, path: "/description", value: "Boats at dawn" };
      const fetchFn = stubFetch(() =>
        envelope(
          { ...asset, description: "Boats at dawn", media: { type: "Image", thumb: "javascript:alert(1)" } },
          {
            errors: [
              {
                code: "invalid_patch_operation",
                message: "Operation 0 (replace /title) was skipped: the title cannot be empty.",
              },
            ],
          },
        ),
      );
      const error: unknown = await client(fetchFn)
        .patchAsset("a1", [title, description])
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PatchRefusedError);
      const refused = error as PatchRefusedError;
      expect(refused.code).toBe("patch_refused");
      expect(refused.refused).toEqual([
        { operation: title, message: "Operation 0 (replace /title) was skipped: the title cannot be empty." },
      ]);
      expect(refused.unrefused).toEqual([description]);
      expect(refused.asset?.description).toBe("Boats at dawn");
      // The asset it carries went through the same checks as any other.
      expect(refused.asset?.media).toEqual({ type: "Image" });
      expect(refused.message).toContain("the title cannot be empty");
    });

    it("turns a 500 into a server_error ApiError", async () => {
      const fetchFn = stubFetch(() => new Response("", { status: 500 }));
      const error: unknown = await client(fetchFn)
        .patchAsset("a1", [{ op: "replace", path: "/title", value: "x" }])
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("server_error");
    });
  });

  describe("keywords", () => {
    it("lists an asset's keywords", async () => {
      const fetchFn = stubFetch(() => envelope([{ id: "k1", keywordName: "sea" }]));
      expect(await client(fetchFn).getAssetKeywords("a1")).toEqual([{ id: "k1", keywordName: "sea" }]);
      expect(call(fetchFn).url).toBe(`${BASE}/assets/a1/keywords?count=50&offset=0`);
    });

    it("adds keywords as a JSON array and accepts an empty 202", async () => {
      const fetchFn = stubFetch(() => new Response(null, { status: 202 }));
      await client(fetchFn).addAssetKeywords("a1", ["sea", "boat"]);
      expect(call(fetchFn)).toMatchObject({ method: "POST", body: ["sea", "boat"] });
    });

    it("removes a keyword by its id, encoded as one path segment", async () => {
      const fetchFn = stubFetch(() => new Response(null, { status: 202 }));
      await client(fetchFn).removeAssetKeyword("a1", "k/1");
      expect(call(fetchFn)).toMatchObject({ url: `${BASE}/assets/a1/keywords/k%2F1`, method: "DELETE" });
    });

    it("lists the library's keywords", async () => {
      const fetchFn = stubFetch(() => envelope([{ id: "k1", keywordName: "sea" }]));
      expect(await client(fetchFn).listKeywords()).toHaveLength(1);
      expect(call(fetchFn).url).toBe(`${BASE}/keywords?count=50&offset=0`);
    });
  });

  describe("asset sub-resources", () => {
    it("reads attribute values from payload.attributes, as text", async () => {
      const fetchFn = stubFetch(() => envelope({ attributes: { at1: "Yes", at2: 3, at3: null } }));
      expect(await client(fetchFn).getAssetAttributes("a1")).toEqual({ at1: "Yes", at2: "3", at3: "" });
      expect(call(fetchFn).url).toBe(`${BASE}/assets/a1/attributes`);
    });

    it("reads attribute values sent as a bare map", async () => {
      const fetchFn = stubFetch(() => envelope({ at1: "Yes" }));
      expect(await client(fetchFn).getAssetAttributes("a1")).toEqual({ at1: "Yes" });
    });

    it("lists an asset's categories and renditions", async () => {
      const fetchFn = stubFetch((url) =>
        url.includes("/categories?")
          ? envelope([category])
          : envelope([{ name: "Thumbnail", url: "https://x" }]),
      );
      expect(await client(fetchFn).getAssetCategories("a1")).toEqual([category]);
      expect(await client(fetchFn).getAssetRenditions("a1")).toEqual([
        { name: "Thumbnail", url: "https://x" },
      ]);
      expect(call(fetchFn, 1).url).toBe(`${BASE}/assets/a1/renditions?count=50&offset=0`);
    });

    it("throws bad_response when a list is not a list of objects", async () => {
      const fetchFn = stubFetch(() => envelope(["c1"]));
      await expect(client(fetchFn).getAssetCategories("a1")).rejects.toMatchObject({ code: "bad_response" });
    });
  });

  describe("categories and attributes", () => {
    it("lists categories, reads one, and pages through its assets", async () => {
      const fetchFn = stubFetch((url) => {
        if (url.includes("/assets"))
          return envelope({ assets: [asset] }, { recordCount: { totalRecordsFound: 51 } });
        return url.includes("/categories?") ? envelope([category]) : envelope(category);
      });
      const api = client(fetchFn);
      expect(await api.listCategories()).toEqual([category]);
      expect(await api.getCategory("c2")).toEqual(category);
      expect(await api.listCategoryAssets("c2", { count: 50, offset: 50 })).toEqual({
        assets: [asset],
        total: 51,
        offset: 50,
        count: 1,
      });
      expect(fetchFn.mock.calls.map(([url]) => String(url))).toEqual([
        `${BASE}/categories?count=50&offset=0`,
        `${BASE}/categories/c2`,
        `${BASE}/categories/c2/assets?count=50&offset=50`,
      ]);
    });

    it("reads all 120 categories: the first page, then the other two in parallel", async () => {
      const all = Array.from({ length: 120 }, (_, index) => ({ ...category, id: `c${index}` }));
      const fetchFn = stubFetch((url) => {
        const query = new URL(url).searchParams;
        const offset = Number(query.get("offset"));
        const count = Number(query.get("count"));
        return envelope(all.slice(offset, offset + count), {
          recordCount: { totalRecordsFound: 120, startingRecord: offset + 1, recordsReturned: count },
        });
      });
      expect(await client(fetchFn).listCategories()).toEqual(all);
      expect(fetchFn.mock.calls.map(([url]) => String(url))).toEqual([
        `${BASE}/categories?count=50&offset=0`,
        `${BASE}/categories?count=50&offset=50`,
        `${BASE}/categories?count=50&offset=100`,
      ]);
    });

    it("throws not_found for an unknown category", async () => {
      const fetchFn = stubFetch(() => new Response("", { status: 404 }));
      await expect(client(fetchFn).getCategory("nope")).rejects.toMatchObject({ code: "not_found" });
    });

    it("lists attribute definitions", async () => {
      const definition = { id: "at1", name: "Licence", attributeType: "Text" };
      const fetchFn = stubFetch(() => envelope([definition]));
      expect(await client(fetchFn).listAttributes()).toEqual([definition]);
      expect(call(fetchFn).url).toBe(`${BASE}/attributes?count=50&offset=0`);
    });
  });
});
