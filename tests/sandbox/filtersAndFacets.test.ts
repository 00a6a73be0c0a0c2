import { beforeAll, describe, expect, it } from "vitest";
import { CAMPAIGN, REGION, APPROVED_FOR_WEB } from "../../sandbox/api/seed/attributes";
import { apiCall, type AssetSummary } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const TRAVEL = "6fc381ea-9270-4d34-8f6b-81a2cde46006";

interface FoundAsset extends AssetSummary {
  status: number;
  rating: { average: number; user: number };
  file: AssetSummary["file"] & { uploadedAt: string; approvedAt: string | null };
  record: AssetSummary["record"] & { createdBy: { username: string } | null };
}

interface FoundPayload {
  assetCount: number;
  assets: FoundAsset[];
}

interface Facet {
  facetName: string;
  facets: Record<string, number>;
}

/** A value quoted as the sandbox (OData) reads it: in single quotes, a quote inside doubled. */
const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

describe("filters, containerFilter and GET /search/facets", () => {
  const sandbox = useSandbox();
  let token = "";
  let everything: FoundAsset[] = [];

  const find = (query: Record<string, string>) => {
    const params = new URLSearchParams({ count: "1000", ...query });
    return apiCall<FoundPayload>(sandbox(), token, `/assets?${params}`);
  };
  const facets = (query: Record<string, string> = {}) =>
    apiCall<Facet[]>(sandbox(), token, `/search/facets?${new URLSearchParams(query)}`);
  const facet = (list: Facet[], name: string): Record<string, number> => {
    const found = list.find((entry) => entry.facetName === name);
    if (!found) throw new Error(`No facet ${name} in ${list.map((entry) => entry.facetName).join(", ")}`);
    return found.facets;
  };

  beforeAll(async () => {
    token = (await signIn(sandbox())).tokens.access_token;
    everything = (await find({})).body.payload.assets;
  });

  it("seeds every MediaValet asset type, Audio and Other included, and statuses besides approved", () => {
    const types = new Set(everything.map((asset) => asset.media.type));
    expect([...types].sort()).toEqual(["Audio", "Document", "Image", "Other", "Video"]);
    expect(everything.filter((asset) => asset.media.type === "Audio").length).toBeGreaterThanOrEqual(3);
    expect(new Set(everything.map((asset) => asset.status)).size).toBeGreaterThan(2);
  });

  it("filters by type, File Extension (with its space) and an inclusive DateUploaded range together", async () => {
    const filters =
      "(AssetType EQ Image OR AssetType EQ Audio) AND (File Extension EQ mp3 OR File Extension EQ png) " +
      "AND (DateUploaded GE 2023-01-01) AND (DateUploaded LE 2024-12-31)";
    const { response, body } = await find({ filters });

    const expected = everything.filter(
      (asset) =>
        ["Image", "Audio"].includes(asset.media.type) &&
        /\.(mp3|png)$/.test(asset.file.fileName) &&
        asset.file.uploadedAt >= "2023-01-01" &&
        asset.file.uploadedAt < "2025-01-01",
    );
    expect(response.status).toBe(200);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.payload.assets.map((asset) => asset.id).sort()).toEqual(
      expected.map((asset) => asset.id).sort(),
    );
  });

  it("filters by DateApproved, Status, AverageRating and CreatedBy", async () => {
    const approved2024 = await find({
      filters: "(DateApproved GE 2024-01-01) AND (DateApproved LT 2025-01-01)",
    });
    const pending = await find({ filters: "Status EQ 2" });
    const rated = await find({ filters: "AverageRating GE 4" });
    const byAlex = await find({ filters: "CreatedBy EQ alex" });

    expect(approved2024.body.payload.assets.every((asset) => asset.file.approvedAt?.startsWith("2024"))).toBe(
      true,
    );
    expect(approved2024.body.payload.assetCount).toBe(
      everything.filter((asset) => asset.file.approvedAt?.startsWith("2024")).length,
    );
    expect(pending.body.payload.assetCount).toBeGreaterThan(0);
    expect(
      pending.body.payload.assets.every((asset) => asset.status === 2 && asset.file.approvedAt === null),
    ).toBe(true);
    expect(rated.body.payload.assets.every((asset) => asset.rating.average >= 4)).toBe(true);
    expect(rated.body.payload.assetCount).toBe(
      everything.filter((asset) => asset.rating.average >= 4).length,
    );
    expect(byAlex.body.payload.assetCount).toBeGreaterThan(0);
    expect(byAlex.body.payload.assets.every((asset) => asset.record.createdBy?.username === "alex")).toBe(
      true,
    );
  });

  it("filters by an attribute's id; a quoted value with quotes, ) OR ( and AND in it matches literally", async () => {
    for (const value of CAMPAIGN.optionsList.slice(1)) {
      const { response, body } = await find({ filters: `(${CAMPAIGN.id} EQ ${quoted(value)})` });
      expect(response.status, value).toBe(200);
      expect(body.payload.assetCount, value).toBe(
        everything.filter((asset) => asset.attributes[CAMPAIGN.id] === value).length,
      );
      expect(body.payload.assetCount, value).toBeGreaterThan(0);
    }
    // The same value unquoted is not a wider filter: it is refused.
    const unquoted = await find({ filters: `(${CAMPAIGN.id} EQ Buy one ) OR ( get one)` });
    expect(unquoted.response.status).toBe(400);
  });

  it("answers a malformed filter with 400 and a message that says what is wrong", async () => {
    const cases: [string, RegExp][] = [
      ["(AssetType EQ Image", /Expected "\)"/],
      ["AssetType EQ Sculpture", /one of Image, Video, Audio, Document, Other/],
      ["DateUploaded GE last week", /ISO 8601|Unexpected/],
      ["Title EQ x", /Unknown filter field "Title"/],
      [`${REGION.name} EQ Europe`, /Unknown filter field|Expected an operator/],
      ['AssetType EQ "Image"', /single quotes/],
    ];
    for (const [filters, message] of cases) {
      const { response, body } = await find({ filters });
      expect(response.status, filters).toBe(400);
      expect(body.errors[0]?.message, filters).toMatch(message);
      expect(body.errors[0]?.message, filters).toMatch(/^filters: /);
    }
  });

  it("searches a category and below with CategoryIds OR CategoryAncestorIds, or the category only", async () => {
    const only = await find({ containerFilter: `CategoryIds/ANY(c: c EQ '${TRAVEL}')` });
    const below = await find({ containerFilter: `CategoryAncestorIds/ANY(c: c EQ '${TRAVEL}')` });
    const andBelow = await find({
      containerFilter: `(CategoryIds/ANY(c: c EQ '${TRAVEL}') OR CategoryAncestorIds/ANY(c: c EQ '${TRAVEL}'))`,
      search: "beach",
    });

    expect(only.body.payload.assets.every((asset) => asset.categories.includes(TRAVEL))).toBe(true);
    expect(below.body.payload.assetCount).toBeGreaterThan(0);
    expect(below.body.payload.assets.some((asset) => asset.categories.includes(TRAVEL))).toBe(false);
    expect(andBelow.body.payload.assetCount).toBeGreaterThan(0);
    expect(andBelow.body.payload.assetCount).toBeLessThanOrEqual(
      only.body.payload.assetCount + below.body.payload.assetCount,
    );
  });

  it("counts every facet for the whole library in one request", async () => {
    const { response, body } = await facets();

    expect(response.status).toBe(200);
    const types = facet(body.payload, "assetType");
    expect(Object.keys(types)).toEqual(
      expect.arrayContaining(["Image", "Video", "Audio", "Document", "Other"]),
    );
    expect(Object.values(types).reduce((sum, count) => sum + count, 0)).toBe(everything.length);
    expect(facet(body.payload, "imageFileExtension")["MP3"]).toBe(
      everything.filter((asset) => asset.file.fileName.endsWith(".mp3")).length,
    );
    expect(Object.keys(facet(body.payload, "status"))).toEqual(["0", "2", "5", "7", "9"]);
    expect(Object.keys(facet(body.payload, "averageRating"))).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(Object.keys(facet(body.payload, "createdBy")).sort()).toEqual(["alex", "demo"]);
    expect(Object.keys(facet(body.payload, "dateUploaded"))).toContain("2024");
    expect(Object.keys(facet(body.payload, "dateApproved"))).toContain("2024");
    expect(facet(body.payload, APPROVED_FOR_WEB.id)).toEqual({
      false: everything.filter((asset) => asset.attributes[APPROVED_FOR_WEB.id] === "false").length,
      true: everything.filter((asset) => asset.attributes[APPROVED_FOR_WEB.id] === "true").length,
    });
    expect(facet(body.payload, CAMPAIGN.id)["Spring launch"]).toBe(0);
  });

  it("counts facets for the current search, filters and container filter, zero counts kept", async () => {
    const query = {
      search: "beach",
      filters: "(AssetType EQ Image) AND (AverageRating GE 2)",
      containerFilter: `(CategoryIds/ANY(c: c EQ '${TRAVEL}') OR CategoryAncestorIds/ANY(c: c EQ '${TRAVEL}'))`,
    };
    const [counted, listed] = await Promise.all([facets(query), find(query)]);

    const total = listed.body.payload.assetCount;
    expect(total).toBeGreaterThan(0);
    expect(facet(counted.body.payload, "assetType")).toEqual({
      Audio: 0,
      Document: 0,
      Image: total,
      Other: 0,
      Video: 0,
    });
    const extensions = facet(counted.body.payload, "imageFileExtension");
    expect(extensions["JPG"]).toBe(
      listed.body.payload.assets.filter((asset) => asset.file.fileName.endsWith(".jpg")).length,
    );
    expect(extensions["MP3"]).toBe(0);
    expect(counted.body.recordCount?.totalRecordsFound).toBe(total);
  });

  it("refuses a facet request whose filters it cannot read, as the search would", async () => {
    const { response, body } = await facets({ filters: "AssetType EQ" });
    expect(response.status).toBe(400);
    expect(body.errors[0]?.message).toMatch(/^filters: /);
  });
});
