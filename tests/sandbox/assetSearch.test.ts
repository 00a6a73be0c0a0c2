import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetsPayload } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const TRAVEL = "6fc381ea-9270-4d34-8f6b-81a2cde46006";
const BEACHES = "70d4e9fb-a381-4e45-947c-92b3deb7d11d";

describe("POST /assets/search", () => {
  const sandbox = useSandbox();
  let token = "";

  beforeAll(async () => {
    token = (await signIn(sandbox())).tokens.access_token;
  });

  /** Sends the search as a public client does, asking for the total unless the body says otherwise. */
  const search = (body: unknown, contentType?: string) =>
    apiCall<AssetsPayload>(sandbox(), token, "/assets/search", {
      method: "POST",
      body: typeof body === "object" && body !== null ? { includeTotalCount: true, ...body } : body,
      ...(contentType ? { contentType } : {}),
    });

  it("gives neither assetCount nor a total in recordCount unless includeTotalCount is true", async () => {
    const withoutFlag = await search({ search: "beach", includeTotalCount: undefined });
    const flagFalse = await search({ search: "beach", includeTotalCount: false });
    const flagTrue = await search({ search: "beach" });

    for (const { response, body } of [withoutFlag, flagFalse]) {
      expect(response.status).toBe(200);
      expect(body.payload).not.toHaveProperty("assetCount");
      expect(body).not.toHaveProperty("recordCount");
      expect(body.payload.assets.map((asset) => asset.id)).toEqual(
        flagTrue.body.payload.assets.map((asset) => asset.id),
      );
    }
    expect(flagTrue.body.payload.assetCount).toBeGreaterThan(20);
    expect(flagTrue.body.recordCount?.totalRecordsFound).toBe(flagTrue.body.payload.assetCount);
  });

  it("refuses an includeTotalCount that is not true or false", async () => {
    expect((await search({ includeTotalCount: "yes" })).response.status).toBe(400);
  });

  it("GET /assets always reports assetCount and recordCount, as every public client reads them there", async () => {
    const { body } = await apiCall<AssetsPayload>(sandbox(), token, "/assets?search=beach&count=5");

    expect(body.payload.assetCount).toBeGreaterThan(20);
    expect(body.recordCount).toEqual({
      totalRecordsFound: body.payload.assetCount,
      startingRecord: 1,
      recordsReturned: 5,
    });
  });

  it("answers like GET /assets: 50 newest first, with assetCount and recordCount", async () => {
    const { response, body } = await search({});
    const listed = await apiCall<AssetsPayload>(sandbox(), token, "/assets");

    expect(response.status).toBe(200);
    expect(body.payload.assets).toHaveLength(50);
    expect(body.payload.assetCount).toBeGreaterThanOrEqual(200);
    expect(body.recordCount).toEqual({
      totalRecordsFound: body.payload.assetCount,
      startingRecord: 1,
      recordsReturned: 50,
    });
    expect(body.payload.assets.map((asset) => asset.id)).toEqual(
      listed.body.payload.assets.map((asset) => asset.id),
    );
    const dates = body.payload.assets.map((asset) => asset.record.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("searches title, description, keywords and file name, and pages with count and offset", async () => {
    const all = await search({ search: "beach", count: 1000 });
    const second = await search({ search: "beach", count: 5, offset: 5 });

    expect(all.body.payload.assetCount).toBeGreaterThan(20);
    expect(second.body.payload.assets.map((asset) => asset.id)).toEqual(
      all.body.payload.assets.slice(5, 10).map((asset) => asset.id),
    );
    expect(second.body.recordCount).toMatchObject({ startingRecord: 6, recordsReturned: 5 });
  });

  it("sorts by creation date either way, and by title", async () => {
    const sorted = async (sort: string, field: (asset: AssetsPayload["assets"][number]) => string) =>
      (await search({ sort, count: 1000 })).body.payload.assets.map(field);

    const oldest = await sorted("record.createdAt A", (asset) => asset.record.createdAt);
    expect(oldest).toEqual([...oldest].sort());
    const newest = await sorted("record.createdAt D", (asset) => asset.record.createdAt);
    expect(newest).toEqual([...oldest].reverse());
    const titles = await sorted("title A", (asset) => asset.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await sorted("title D", (asset) => asset.title.toLowerCase())).toEqual([...titles].reverse());
  });

  it("filters by asset type, with AND and OR", async () => {
    const images = await search({ filters: "(AssetType EQ Image)", count: 1000 });
    const videos = await search({ filters: "(AssetType EQ Video)", count: 1000 });
    const either = await search({ filters: "(AssetType EQ Image) OR (AssetType EQ Video)", count: 1000 });
    const beachVideos = await search({ search: "beach", filters: "(AssetType EQ Video)", count: 1000 });
    const none = await search({ filters: "(AssetType EQ Image) AND (AssetType EQ Video)" });

    expect(images.body.payload.assetCount).toBeGreaterThan(50);
    expect(images.body.payload.assets.every((asset) => asset.media.type === "Image")).toBe(true);
    expect(either.body.payload.assetCount).toBe(
      images.body.payload.assetCount + videos.body.payload.assetCount,
    );
    expect(beachVideos.body.payload.assetCount).toBeGreaterThan(0);
    expect(beachVideos.body.payload.assets.every((asset) => asset.media.type === "Video")).toBe(true);
    expect(none.body.payload.assetCount).toBe(0);
  });

  it("reads keywords and values ignoring case, and NOT", async () => {
    const lower = await search({ filters: "assettype eq document" });
    const notImages = await search({ filters: "NOT (AssetType EQ Image)", count: 1000 });

    expect(lower.body.payload.assetCount).toBeGreaterThan(0);
    expect(notImages.body.payload.assets.some((asset) => asset.media.type === "Image")).toBe(false);
  });

  it("narrows to a category, or to a category and everything below it, with containerFilter", async () => {
    const direct = await search({ containerFilter: `(CategoryIds/ANY(c: c EQ '${BEACHES}'))`, count: 1000 });
    const below = await search({
      containerfilter: `(CategoryIds/ANY(c: c EQ '${TRAVEL}') OR CategoryAncestorIds/ANY(c: c EQ '${TRAVEL}'))`,
      count: 1000,
    });

    expect(direct.body.payload.assetCount).toBeGreaterThan(0);
    expect(direct.body.payload.assets.every((asset) => asset.categories.includes(BEACHES))).toBe(true);
    expect(below.body.payload.assetCount).toBeGreaterThan(direct.body.payload.assetCount);
    expect(below.body.payload.assets.map((asset) => asset.id)).toEqual(
      expect.arrayContaining(direct.body.payload.assets.map((asset) => asset.id)),
    );
  });

  it("supports OR and NOT in the full-text search", async () => {
    const beach = (await search({ search: "beach", count: 1000 })).body.payload.assetCount;
    const lighthouse = (await search({ search: "lighthouse", count: 1000 })).body.payload.assetCount;
    const either = (await search({ search: "beach OR lighthouse", count: 1000 })).body.payload.assetCount;
    const notSunset = await search({ search: "beach NOT sunset", count: 1000 });

    expect(either).toBe(beach + lighthouse);
    expect(notSunset.body.payload.assetCount).toBeLessThan(beach);
    expect(notSunset.body.payload.assets.some((asset) => /sunset/i.test(asset.title))).toBe(false);
  });

  it("takes the same filters and sort on GET /assets", async () => {
    const { body } = await apiCall<AssetsPayload>(
      sandbox(),
      token,
      `/assets?filters=${encodeURIComponent("(AssetType EQ Document)")}&sort=${encodeURIComponent("title A")}`,
    );

    expect(body.payload.assets.every((asset) => asset.media.type === "Document")).toBe(true);
    const titles = body.payload.assets.map((asset) => asset.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("refuses a filter or sort it cannot read with 400 in the envelope", async () => {
    for (const body of [
      { filters: "(AssetType EQ" },
      { filters: "(Colour EQ red)" },
      { filters: "(AssetType IS Image)" },
      { sort: "popularity D" },
      { count: "lots" },
    ]) {
      const { response, body: envelope } = await search(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(envelope.errors[0]?.code).toBe("bad_request");
    }
  });

  it("refuses a body that is not JSON, or not JSON at all", async () => {
    expect((await search("{not json")).response.status).toBe(400);
    expect((await search("search=beach", "application/x-www-form-urlencoded")).response.status).toBe(415);
  });
});
