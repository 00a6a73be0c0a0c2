import { beforeAll, describe, expect, it } from "vitest";
import type { AssetsPayload, Envelope } from "./helpers/apiCall";
import { apiHeaders, signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("DAM API", () => {
  const sandbox = useSandbox();
  let accessToken = "";

  beforeAll(async () => {
    accessToken = (await signIn(sandbox())).tokens.access_token;
  });

  async function get<T>(path: string, headers: Record<string, string> = apiHeaders(sandbox(), accessToken)) {
    const response = await fetch(`${sandbox().apiUrl}${path}`, { headers });
    return { response, body: (await response.json()) as Envelope<T> };
  }

  describe("gateway and bearer checks", () => {
    it("refuses a call without a subscription key the way Azure API Management does", async () => {
      const { response, body } = await get("/assets", { Authorization: `Bearer ${accessToken}` });

      expect(response.status).toBe(401);
      expect(body).toEqual({
        statusCode: 401,
        message:
          "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
      });
    });

    it("refuses a wrong subscription key", async () => {
      const { response, body } = await get("/assets", {
        Authorization: `Bearer ${accessToken}`,
        "Ocp-Apim-Subscription-Key": "wrong",
      });

      expect(response.status).toBe(401);
      expect(body).toMatchObject({
        statusCode: 401,
        message: expect.stringContaining("invalid subscription key"),
      });
    });

    it("refuses a call without a bearer token, with WWW-Authenticate and an envelope", async () => {
      const { response, body } = await get("/assets", apiHeaders(sandbox()));

      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
      expect(body).toMatchObject({
        payload: null,
        errors: [{ code: "invalid_token", message: expect.any(String) }],
      });
    });

    it("refuses a tampered token", async () => {
      const [header, payload] = accessToken.split(".");
      const forged = `${header}.${payload}.${"A".repeat(342)}`;
      const { response } = await get("/assets", apiHeaders(sandbox(), forged));

      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/invalid_token/);
    });

    it("refuses an id_token used as an access token", async () => {
      const { tokens } = await signIn(sandbox());
      const { response } = await get("/users/current", apiHeaders(sandbox(), tokens.id_token));

      expect(response.status).toBe(401);
    });
  });

  describe("GET /users/current", () => {
    it("describes the signed-in person, as the id_token does", async () => {
      const { response, body } = await get<Record<string, unknown>>("/users/current");

      expect(response.status).toBe(200);
      expect(body.payload).toMatchObject({
        id: "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21",
        userName: "demo",
        firstName: "Dana",
        lastName: "Demo",
        emailAddress: "dana.demo@example.com",
        orgUnitId: expect.any(String),
        roleId: expect.any(String),
        userType: expect.any(String),
        isApproved: true,
        isSuspended: false,
        lastLoginAt: expect.any(String),
        createdAt: expect.any(String),
      });
    });
  });

  describe("GET /assets", () => {
    it("answers in MediaValet's envelope with the first 50 assets", async () => {
      const { response, body } = await get<AssetsPayload>("/assets");

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(body).toMatchObject({
        apiVersion: "1.0",
        warnings: [],
        errors: [],
        meta: { metaInformation: expect.any(Object), createdAt: expect.any(String) },
      });
      expect(body.payload.assets).toHaveLength(50);
      expect(body.payload.assetCount).toBeGreaterThanOrEqual(200);
      expect(body.recordCount).toEqual({
        totalRecordsFound: body.payload.assetCount,
        startingRecord: 1,
        recordsReturned: 50,
      });
    });

    it("echoes the requested API version", async () => {
      const { body } = await get("/assets?count=1", {
        ...apiHeaders(sandbox(), accessToken),
        "x-mv-api-version": "1.2",
      });

      expect(body.apiVersion).toBe("1.2");
    });

    it("pages with count and offset", async () => {
      const first = await get<AssetsPayload>("/assets?count=10&offset=0");
      const second = await get<AssetsPayload>("/assets?count=10&offset=10");
      const both = await get<AssetsPayload>("/assets?count=20");

      expect(second.body.recordCount).toMatchObject({ startingRecord: 11, recordsReturned: 10 });
      expect([...first.body.payload.assets, ...second.body.payload.assets].map((asset) => asset.id)).toEqual(
        both.body.payload.assets.map((asset) => asset.id),
      );
    });

    it("returns a short last page and an empty page past the end", async () => {
      const total = (await get<AssetsPayload>("/assets?count=1")).body.payload.assetCount;
      const last = await get<AssetsPayload>(`/assets?count=50&offset=${total - 3}`);
      const beyond = await get<AssetsPayload>(`/assets?offset=${total + 10}`);

      expect(last.body.payload.assets).toHaveLength(3);
      expect(beyond.body.payload.assets).toHaveLength(0);
      expect(beyond.body.recordCount?.totalRecordsFound).toBe(total);
    });

    it("narrows results with search, ignoring case", async () => {
      const { body } = await get<AssetsPayload>("/assets?search=BEACH&count=1000");
      const all = await get<AssetsPayload>("/assets?count=1000");

      expect(body.payload.assetCount).toBeGreaterThan(5);
      expect(body.payload.assetCount).toBeLessThan(all.body.payload.assetCount);
      for (const asset of body.payload.assets) {
        expect(`${asset.title} ${asset.keywords.join(" ")}`.toLowerCase()).toContain("beach");
      }
    });

    it("requires every search term to match", async () => {
      const { body } = await get<AssetsPayload>(`/assets?search=${encodeURIComponent("beach sunset")}`);

      expect(body.payload.assets.map((asset) => asset.title)).toContain("Beach at sunset");
      expect(body.payload.assets.every((asset) => /beach/i.test(JSON.stringify(asset)))).toBe(true);
    });

    it("refuses a count that is not a number, in the envelope", async () => {
      const { response, body } = await get("/assets?count=lots");

      expect(response.status).toBe(400);
      expect(body.errors[0]?.code).toBe("bad_request");
    });
  });

  describe("GET /assets/{id}", () => {
    it("returns one asset in MediaValet's shape", async () => {
      const listed = (await get<AssetsPayload>("/assets?count=1")).body.payload.assets[0];
      const { response, body } = await get<Record<string, unknown>>(`/assets/${listed?.id}`);

      expect(response.status).toBe(200);
      expect(body.payload).toMatchObject({
        id: listed?.id,
        title: expect.any(String),
        description: expect.any(String),
        altText: expect.any(String),
        status: 0,
        media: {
          type: expect.stringMatching(/^(Image|Video|Document)$/),
          thumb: `${sandbox().apiUrl}/media/${listed?.id}/thumb.svg`,
          small: expect.any(String),
          medium: expect.any(String),
          large: expect.any(String),
          original: expect.any(String),
          download: expect.any(String),
        },
        file: {
          fileName: expect.any(String),
          fileType: expect.any(String),
          sizeInBytes: expect.any(Number),
          imageWidth: expect.any(Number),
          imageHeight: expect.any(Number),
          mimeType: expect.any(String),
          uploadedAt: expect.any(String),
          modifiedAt: expect.any(String),
        },
        keywords: expect.any(Array),
        categories: expect.any(Array),
        record: {
          createdAt: expect.any(String),
          modifiedAt: expect.any(String),
          createdBy: expect.any(Object),
        },
        attributes: {},
      });
      expect(body.recordCount).toBeUndefined();
    });

    it("answers 404 in the envelope for an unknown id", async () => {
      const { response, body } = await get("/assets/00000000-0000-4000-8000-000000000000");

      expect(response.status).toBe(404);
      expect(body).toMatchObject({ payload: null, errors: [{ code: "not_found" }] });
    });
  });

  it("answers 404 in the envelope for an unknown route", async () => {
    const { response, body } = await get("/no/such/thing");

    expect(response.status).toBe(404);
    expect(body.errors[0]?.code).toBe("not_found");
  });
});
