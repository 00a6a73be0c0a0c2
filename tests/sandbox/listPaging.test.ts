import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetsPayload, type Envelope } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const BEACHES = "70d4e9fb-a381-4e45-947c-92b3deb7d11d";

interface Category {
  id: string;
  parentId: string | null;
  tree: { path: string };
}

interface Attribute {
  id: string;
  name: string;
  attributeType: string;
}

/** Reads a whole list page by page, as a client must, and returns every page's envelope. */
async function readAll<T>(
  read: (query: string) => Promise<Envelope<T[]>>,
  count: number,
): Promise<Envelope<T[]>[]> {
  const pages: Envelope<T[]>[] = [];
  for (let offset = 0; ; offset += count) {
    const page = await read(`count=${count}&offset=${offset}`);
    pages.push(page);
    if (offset + count >= (page.recordCount?.totalRecordsFound ?? 0)) return pages;
  }
}

describe("every list pages with count (default 50) and offset, and reports recordCount", () => {
  const sandbox = useSandbox();
  let token = "";
  let assetId = "";

  beforeAll(async () => {
    token = (await signIn(sandbox())).tokens.access_token;
    const assets = await apiCall<AssetsPayload>(sandbox(), token, "/assets?count=1");
    assetId = assets.body.payload.assets[0]?.id ?? "";
  });

  const list = async <T>(path: string, query = "") =>
    (await apiCall<T[]>(sandbox(), token, `${path}${query === "" ? "" : `?${query}`}`)).body;

  const lists = () => [
    "/categories",
    "/attributes",
    "/keywords",
    `/categories/${BEACHES}/assets`,
    `/assets/${assetId}/keywords`,
    `/assets/${assetId}/categories`,
    `/assets/${assetId}/renditions`,
  ];

  it("reports recordCount on each list, and startingRecord counts from 1", async () => {
    for (const path of lists()) {
      const body = await list<unknown>(path, "count=2&offset=1");
      expect(body.recordCount, path).toMatchObject({ startingRecord: 2 });
      expect(body.recordCount?.recordsReturned, path).toBeLessThanOrEqual(2);
      expect(body.recordCount?.totalRecordsFound, path).toBeGreaterThanOrEqual(
        body.recordCount?.recordsReturned ?? 0,
      );
    }
  });

  it("holds at least 120 categories: the first read gives 50, paging gives all of them, none twice", async () => {
    const first = await list<Category>("/categories");
    expect(first.payload).toHaveLength(50);
    const total = first.recordCount?.totalRecordsFound ?? 0;
    expect(total).toBeGreaterThanOrEqual(120);

    const pages = await readAll((query) => list<Category>("/categories", query), 50);
    const all = pages.flatMap((page) => page.payload);
    expect(pages.map((page) => page.recordCount?.startingRecord)).toEqual(
      pages.map((_, index) => index * 50 + 1),
    );
    expect(all).toHaveLength(total);
    expect(new Set(all.map((category) => category.id)).size).toBe(total);
    expect(all.map((category) => category.tree.path)).toContain("Root\\Archive\\2019\\March 2019");
  });

  it("nests some categories three levels below the root, with backslash tree paths", async () => {
    const all = (await list<Category>("/categories", "count=1000")).payload;
    const deep = all.filter((category) => category.tree.path.split("\\").length >= 4);

    expect(deep.length).toBeGreaterThanOrEqual(100);
    for (const category of deep) {
      const parent = all.find((entry) => entry.id === category.parentId);
      expect(category.tree.path.startsWith(`${parent?.tree.path}\\`)).toBe(true);
    }
  });

  it("holds more than 50 attributes of select, boolean and text types", async () => {
    const first = await list<Attribute>("/attributes");
    const all = (await list<Attribute>("/attributes", "count=1000")).payload;

    expect(first.payload).toHaveLength(50);
    expect(first.recordCount?.totalRecordsFound).toBe(all.length);
    expect(all.length).toBeGreaterThan(50);
    const types = new Set(all.map((attribute) => attribute.attributeType));
    for (const type of ["Options", "Boolean", "Text"]) expect(types).toContain(type);
  });

  it("is the same library on every start: ids do not change", async () => {
    const all = (await list<Category>("/categories", "count=1000")).payload;
    const march = all.find((category) => category.tree.path === "Root\\Archive\\2019\\March 2019");

    expect(march?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(march?.id).toBe("47aaf7b2-6603-522d-a01b-ddb9fc4290f3");
  });

  it("gives an empty page past the end and refuses a count or offset that is not a whole number", async () => {
    const past = await list<Category>("/categories", "offset=100000");
    expect(past.payload).toEqual([]);
    expect(past.recordCount).toMatchObject({ recordsReturned: 0, startingRecord: 100001 });

    const bad = await apiCall(sandbox(), token, "/attributes?count=ten");
    expect(bad.response.status).toBe(400);
  });
});
