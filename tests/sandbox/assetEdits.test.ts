import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetSummary, type AssetsPayload } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const USAGE_RIGHTS = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a02";
const REGION = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a03";

describe("asset edits", () => {
  const sandbox = useSandbox();
  let demo = "";
  let viewer = "";
  let assets: AssetSummary[] = [];
  /** A different asset for each test, so edits in one never show up in another. */
  let next = 0;
  const anAsset = (): AssetSummary => {
    const asset = assets[next++];
    if (!asset) throw new Error("out of assets");
    return asset;
  };

  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    viewer = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
    assets = (await apiCall<AssetsPayload>(sandbox(), demo, "/assets?count=100")).body.payload.assets;
  });

  const patch = (
    id: string,
    body: unknown,
    options: { token?: string; contentType?: string; apiVersion?: string } = {},
  ) =>
    apiCall<AssetSummary>(sandbox(), options.token ?? demo, `/assets/${id}`, {
      method: "PATCH",
      body,
      contentType: options.contentType ?? "application/json-patch+json",
      ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
    });

  describe("PATCH /assets/{id}", () => {
    it("replaces the title, description and alt text with a JSON Patch, and the change lasts", async () => {
      const asset = anAsset();
      const { response, body } = await patch(asset.id, [
        { op: "replace", path: "/title", value: "Renamed" },
        { op: "replace", path: "/description", value: "New words" },
        { op: "replace", path: "/altText", value: "A picture of something" },
      ]);

      expect(response.status).toBe(200);
      expect(body.errors).toEqual([]);
      expect(body.payload).toMatchObject({ id: asset.id, title: "Renamed", description: "New words" });
      const again = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${asset.id}`);
      expect(again.body.payload).toMatchObject({
        title: "Renamed",
        description: "New words",
        altText: "A picture of something",
        record: { modifiedBy: { username: "demo" } },
      });
      expect(Date.parse(again.body.payload.record.modifiedAt)).toBeGreaterThan(Date.now() - 60_000);
      const found = await apiCall<AssetsPayload>(sandbox(), demo, "/assets?search=Renamed");
      expect(found.body.payload.assets.map((entry) => entry.id)).toContain(asset.id);
    });

    it("accepts application/json as well as application/json-patch+json", async () => {
      const asset = anAsset();
      const { response, body } = await patch(
        asset.id,
        [{ op: "replace", path: "/title", value: "Plain JSON" }],
        {
          contentType: "application/json",
        },
      );

      expect(response.status).toBe(200);
      expect(body.payload.title).toBe("Plain JSON");
    });

    it("skips operations it cannot apply, says why in errors, and applies the rest", async () => {
      const asset = anAsset();
      const { response, body } = await patch(asset.id, [
        { op: "replace", path: "/status", value: 5 },
        { op: "replace", path: "/title", value: "" },
        { op: "replace", path: "/description", value: "Still applied" },
        { op: "move", from: "/title", path: "/altText" },
        { op: "replace", path: `/attributes/${USAGE_RIGHTS}`, value: "Nobody" },
      ]);

      expect(response.status).toBe(200);
      expect(body.payload.description).toBe("Still applied");
      expect(body.payload.title).toBe(asset.title);
      expect(body.errors.map((error) => error.message)).toEqual([
        expect.stringMatching(/^Operation 0 .*\/status/),
        expect.stringMatching(/^Operation 1 .*title cannot be empty/),
        expect.stringMatching(/^Operation 3 .*move/),
        expect.stringMatching(/^Operation 4 .*must be one of/),
      ]);
    });

    it("names the path of every skipped operation: unknown path, read-only field, bad value, bad op", async () => {
      const asset = anAsset();
      const { response, body } = await patch(asset.id, [
        { op: "replace", path: "/nickname", value: "x" },
        { op: "replace", path: "/file/fileName", value: "other.jpg" },
        { op: "replace", path: "/id", value: "00000000-0000-4000-8000-000000000000" },
        { op: "replace", path: "/description", value: 42 },
        { op: "copy", from: "/title", path: "/description" },
        { op: "replace", path: `/attributes/${REGION}`, value: "Mars" },
        { op: "replace", path: "/attributes/00000000-0000-4000-8000-000000000000", value: "x" },
        { op: "replace", path: "/altText", value: "Applied between refusals" },
      ]);

      expect(response.status).toBe(200);
      expect(body.payload).toMatchObject({ id: asset.id, altText: "Applied between refusals" });
      expect(body.payload.description).toBe(asset.description);
      const paths = [
        "/nickname",
        "/file/fileName",
        "/id",
        "/description",
        "/description",
        `/attributes/${REGION}`,
      ];
      expect(body.errors).toHaveLength(7);
      body.errors.slice(0, 6).forEach((error, index) => {
        expect(error.code).toBe("invalid_patch_operation");
        expect(error.message).toContain(paths[index]);
      });
      expect(body.errors[0]?.message).toMatch(/not a field/);
      expect(body.errors[1]?.message).toMatch(/read-only/);
      expect(body.errors[2]?.message).toMatch(/read-only/);
      expect(body.errors[6]?.message).toMatch(/no attribute/);
    });

    it("sets and removes attribute values", async () => {
      const asset = anAsset();
      await patch(asset.id, [
        { op: "replace", path: `/attributes/${USAGE_RIGHTS}`, value: "Editorial only" },
        { op: "add", path: `/attributes/${REGION}`, value: "Europe" },
      ]);
      const set = await apiCall<{ attributes: Record<string, string> }>(
        sandbox(),
        demo,
        `/assets/${asset.id}/attributes`,
      );
      expect(set.body.payload.attributes).toMatchObject({
        [USAGE_RIGHTS]: "Editorial only",
        [REGION]: "Europe",
      });

      await patch(asset.id, [{ op: "remove", path: `/attributes/${REGION}` }]);
      const removed = await apiCall<{ attributes: Record<string, string> }>(
        sandbox(),
        demo,
        `/assets/${asset.id}/attributes`,
      );
      expect(removed.body.payload.attributes).not.toHaveProperty(REGION);
    });

    it("refuses a body that is not a patch, and other content types", async () => {
      const asset = anAsset();
      expect((await patch(asset.id, { title: "x" })).response.status).toBe(400);
      expect((await patch(asset.id, "[", { contentType: "application/json" })).response.status).toBe(400);
      expect((await patch(asset.id, "title=x", { contentType: "text/plain" })).response.status).toBe(415);
    });

    it("answers 404 for an unknown asset", async () => {
      const { response, body } = await patch("00000000-0000-4000-8000-000000000000", []);

      expect(response.status).toBe(404);
      expect(body.errors[0]?.code).toBe("not_found");
    });
  });

  describe("keywords of an asset", () => {
    type KeywordList = { id: string; keywordName: string }[];
    const keywordsOf = async (id: string) =>
      (await apiCall<KeywordList>(sandbox(), demo, `/assets/${id}/keywords`)).body.payload;

    it("lists them with ids, as the asset names them", async () => {
      const asset = anAsset();
      const keywords = await keywordsOf(asset.id);

      expect(keywords.map((keyword) => keyword.keywordName)).toEqual(asset.keywords);
      for (const keyword of keywords) expect(keyword.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("adds keywords with 202, skipping ones the asset has, and the library learns new ones", async () => {
      const asset = anAsset();
      const { response } = await apiCall(sandbox(), demo, `/assets/${asset.id}/keywords`, {
        method: "POST",
        body: ["brand-new-word", asset.keywords[0]],
      });

      expect(response.status).toBe(202);
      const names = (await keywordsOf(asset.id)).map((keyword) => keyword.keywordName);
      expect(names).toEqual([...asset.keywords, "brand-new-word"]);
      const library = await apiCall<KeywordList>(sandbox(), demo, "/keywords?count=1000");
      expect(library.body.payload.map((keyword) => keyword.keywordName)).toContain("brand-new-word");
    });

    it("removes one by id with 202, and 404 when the asset does not carry it", async () => {
      const asset = anAsset();
      const [first] = await keywordsOf(asset.id);
      const path = `/assets/${asset.id}/keywords/${first?.id}`;

      expect((await apiCall(sandbox(), demo, path, { method: "DELETE" })).response.status).toBe(202);
      expect((await keywordsOf(asset.id)).map((keyword) => keyword.id)).not.toContain(first?.id);
      expect((await apiCall(sandbox(), demo, path, { method: "DELETE" })).response.status).toBe(404);
    });

    it("refuses a body that is not a list of words", async () => {
      const asset = anAsset();
      for (const body of ["beach", [], [""], [1]]) {
        const { response } = await apiCall(sandbox(), demo, `/assets/${asset.id}/keywords`, {
          method: "POST",
          body,
        });
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
    });
  });

  describe("permissions (alex may only view)", () => {
    it("lists what the caller may do on each asset", async () => {
      const asset = anAsset();
      // Version 1.2 lists names; 1.0 and 1.1 send {all:[{name}]} (tests/sandbox/downloads.test.ts).
      const mine = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${asset.id}`, { apiVersion: "1.2" });
      const theirs = await apiCall<AssetSummary>(sandbox(), viewer, `/assets/${asset.id}`, {
        apiVersion: "1.2",
      });

      expect(mine.body.payload.permissions).toEqual(
        expect.arrayContaining(["asset:view", "asset:editMetadata", "asset:editKeywords"]),
      );
      expect(theirs.body.payload.permissions).toEqual(["asset:view"]);
    });

    it("answers 403 on API version 1.2 and changes nothing", async () => {
      const asset = anAsset();
      const edit = await patch(asset.id, [{ op: "replace", path: "/title", value: "Nope" }], {
        token: viewer,
        apiVersion: "1.2",
      });
      const add = await apiCall(sandbox(), viewer, `/assets/${asset.id}/keywords`, {
        method: "POST",
        body: ["nope"],
        apiVersion: "1.2",
      });
      const remove = await apiCall(sandbox(), viewer, `/assets/${asset.id}/keywords/anything`, {
        method: "DELETE",
        apiVersion: "1.2",
      });

      for (const { response, body } of [edit, add, remove]) {
        expect(response.status).toBe(403);
        expect(body.errors[0]?.code).toBe("forbidden");
      }
      const after = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${asset.id}`);
      expect(after.body.payload.title).toBe(asset.title);
      expect(after.body.payload.keywords).toEqual(asset.keywords);
    });

    it("answers 401 on older versions, as MediaValet did before 1.2, naming insufficient_scope", async () => {
      const asset = anAsset();
      for (const apiVersion of [undefined, "1.0", "1.1"]) {
        const version = apiVersion ? { apiVersion } : {};
        const edit = await patch(asset.id, [{ op: "replace", path: "/title", value: "Nope" }], {
          token: viewer,
          ...version,
        });
        const add = await apiCall(sandbox(), viewer, `/assets/${asset.id}/keywords`, {
          method: "POST",
          body: ["nope"],
          ...version,
        });
        const remove = await apiCall(sandbox(), viewer, `/assets/${asset.id}/keywords/anything`, {
          method: "DELETE",
          ...version,
        });
        for (const { response } of [edit, add, remove]) {
          expect(response.status, apiVersion).toBe(401);
          expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_scope"/);
        }
      }
      const after = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${asset.id}`);
      expect(after.body.payload.title).toBe(asset.title);
    });

    it("still lets a viewer read", async () => {
      const { response } = await apiCall(sandbox(), viewer, `/assets/${anAsset().id}/keywords`, {
        apiVersion: "1.2",
      });

      expect(response.status).toBe(200);
    });
  });
});
