import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetsPayload } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface Category {
  id: string;
  name: string;
  parentId: string | null;
  tree: { name: string; path: string; idPath: string };
  subcats: { total: number };
  subfolderCount: number;
  assetCount: number;
}

const ROOT = "0d4c9a52-6b1e-4f7a-8c3d-2e9f5b1a7c00";
const MARKETING = "1a7e3c95-4d2b-4e8f-9a16-3c5d7e9f1b01";
const CAMPAIGNS = "a3071c2e-d6b4-4178-8daf-c5e6018a0410";
const SPRING = "b4182d3f-e7c5-4289-9eb0-d6f7129b1511";
const BEACHES = "70d4e9fb-a381-4e45-947c-92b3deb7d11d";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("categories, keywords and attributes", () => {
  const sandbox = useSandbox();
  let token = "";
  let categories: Category[] = [];

  beforeAll(async () => {
    token = (await signIn(sandbox())).tokens.access_token;
    categories = (await apiCall<Category[]>(sandbox(), token, "/categories?count=1000")).body.payload;
  });

  const get = <T>(path: string) => apiCall<T>(sandbox(), token, path);

  describe("GET /categories", () => {
    it("lists a tree several levels deep as a flat list, with backslash paths from the root", async () => {
      const { body } = await get<Category[]>("/categories");
      const spring = categories.find((category) => category.id === SPRING);

      expect(categories.length).toBeGreaterThan(20);
      expect(body.recordCount).toMatchObject({ totalRecordsFound: categories.length });
      expect(categories.find((category) => category.id === ROOT)).toMatchObject({
        parentId: null,
        tree: { path: "Root" },
      });
      expect(spring).toEqual(
        expect.objectContaining({
          name: "Spring 2024",
          parentId: CAMPAIGNS,
          tree: expect.objectContaining({
            name: "Spring 2024",
            path: "Root\\Marketing\\Campaigns\\Spring 2024",
            idPath: `${ROOT}\\${MARKETING}\\${CAMPAIGNS}\\${SPRING}`,
          }),
          subfolderCount: 0,
        }),
      );
      for (const category of categories) {
        if (category.parentId !== null)
          expect(categories.map((entry) => entry.id)).toContain(category.parentId);
      }
    });

    it("counts subfolders and the assets filed in each", async () => {
      const marketing = categories.find((category) => category.id === MARKETING);
      const children = categories.filter((category) => category.parentId === MARKETING);

      expect(marketing?.subfolderCount).toBe(children.length);
      expect(marketing?.subcats.total).toBe(children.length);
      expect(categories.find((category) => category.id === BEACHES)?.assetCount).toBeGreaterThan(10);
    });
  });

  describe("GET /categories/{id}", () => {
    it("returns one category, ignoring the id's case", async () => {
      const { response, body } = await get<Category>(`/categories/${CAMPAIGNS.toUpperCase()}`);

      expect(response.status).toBe(200);
      expect(body.payload).toMatchObject({
        id: CAMPAIGNS,
        name: "Campaigns",
        tree: { path: "Root\\Marketing\\Campaigns" },
      });
    });

    it("answers 404 for an unknown id", async () => {
      expect((await get(`/categories/${UNKNOWN}`)).response.status).toBe(404);
      expect((await get(`/categories/${UNKNOWN}/assets`)).response.status).toBe(404);
    });
  });

  describe("GET /categories/{id}/assets", () => {
    it("pages the assets filed in the category", async () => {
      const beaches = categories.find((category) => category.id === BEACHES);
      const first = await get<AssetsPayload>(`/categories/${BEACHES}/assets?count=5`);
      const second = await get<AssetsPayload>(`/categories/${BEACHES}/assets?count=5&offset=5`);

      expect(first.body.payload.assetCount).toBe(beaches?.assetCount);
      expect(first.body.recordCount).toMatchObject({
        totalRecordsFound: beaches?.assetCount,
        recordsReturned: 5,
      });
      expect(second.body.recordCount).toMatchObject({ startingRecord: 6 });
      for (const asset of [...first.body.payload.assets, ...second.body.payload.assets]) {
        expect(asset.categories).toContain(BEACHES);
      }
      expect(
        new Set([...first.body.payload.assets, ...second.body.payload.assets].map((a) => a.id)).size,
      ).toBe(10);
    });
  });

  describe("an asset's sub-resources", () => {
    let assetId = "";
    beforeAll(async () => {
      assetId = (await get<AssetsPayload>("/assets?search=beach&count=1")).body.payload.assets[0]?.id ?? "";
    });

    it("lists its categories as category objects", async () => {
      const { body } = await get<Category[]>(`/assets/${assetId}/categories`);

      expect(body.payload.length).toBeGreaterThan(0);
      expect(body.payload[0]).toMatchObject({
        id: expect.any(String),
        tree: { path: expect.stringMatching(/^Root\\/) },
      });
    });

    it("lists its attribute values keyed by attribute id", async () => {
      const { body } = await get<{ attributes: Record<string, string> }>(`/assets/${assetId}/attributes`);
      // The library has more attributes than one default page of 50: ask for all of them.
      const definitions = (await get<{ id: string }[]>("/attributes?count=1000")).body.payload.map(
        (attribute) => attribute.id,
      );

      expect(Object.keys(body.payload.attributes).length).toBeGreaterThan(0);
      for (const id of Object.keys(body.payload.attributes)) expect(definitions).toContain(id);
    });

    it("lists renditions that can be fetched without credentials", async () => {
      const { body } = await get<{ name: string; url: string; width: number }[]>(
        `/assets/${assetId}/renditions`,
      );

      expect(body.payload.map((rendition) => rendition.name)).toEqual([
        "Thumbnail",
        "Small",
        "Medium",
        "Large",
        "Original",
      ]);
      expect(body.payload[0]?.width).toBe(200);
      expect((await fetch(body.payload[0]?.url ?? "")).status).toBe(200);
    });

    it("answers 404 for an unknown asset", async () => {
      for (const part of ["keywords", "attributes", "categories", "renditions"]) {
        expect((await get(`/assets/${UNKNOWN}/${part}`)).response.status, part).toBe(404);
      }
    });
  });

  describe("GET /keywords and GET /attributes", () => {
    it("lists the library's keywords with ids, 50 at a time by default", async () => {
      const { body } = await get<{ id: string; keywordName: string; isSearchable: boolean }[]>("/keywords");

      expect(body.payload).toHaveLength(50);
      expect(body.recordCount?.totalRecordsFound).toBeGreaterThan(100);
      expect(body.payload[0]).toMatchObject({
        id: expect.any(String),
        keywordName: expect.any(String),
        isSearchable: true,
      });
      const all = await get<{ keywordName: string }[]>("/keywords?count=1000");
      expect(all.body.payload.map((keyword) => keyword.keywordName)).toContain("beach");
    });

    it("lists attribute definitions of several types", async () => {
      const { body } =
        await get<{ name: string; attributeType: string; optionsList: string[] }[]>("/attributes");

      expect(body.payload.map((attribute) => attribute.attributeType)).toEqual(
        expect.arrayContaining(["Text", "Options", "Boolean", "DateTime"]),
      );
      expect(body.payload.find((attribute) => attribute.name === "Usage rights")?.optionsList).toContain(
        "Editorial only",
      );
    });
  });
});
