import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandboxControl } from "../../sandbox/control/SandboxControl";
import { apiCall, type AssetsPayload, type AssetSummary } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

const TERMS = "d1a7c0de-7e57-4a11-9b00-000000000001";
const PURPOSE = "d1a7c0de-7e57-4a11-9b00-000000000002";
const ACCEPTED = [
  { fieldId: TERMS, value: "true" },
  { fieldId: PURPOSE, value: "Web" },
];

interface Download {
  id: string;
  status: string;
  itemCount: number;
  processedCount: number;
  filePath: string | null;
  fileName: string;
}

describe("downloads, renditions and permissions", () => {
  const sandbox = useSandbox({ testControls: true });
  const control = () => createSandboxControl(sandbox());
  let demo = "";
  let viewer = "";
  let assets: AssetSummary[] = [];
  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    viewer = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
    assets = (await apiCall<AssetsPayload>(sandbox(), demo, "/assets?count=10")).body.payload.assets;
  });
  beforeEach(async () => {
    await control().reset();
  });

  it("asks for the terms and a form before a single download, then hands over the rendition's link", async () => {
    const asset = assets[0] as AssetSummary;
    const check = await apiCall<{ downloadId: string; preconditions: string[]; customFormDetails: unknown }>(
      sandbox(),
      demo,
      "/downloads/validate",
      { method: "POST", body: { isDirectDownload: true } },
    );
    expect(check.body.payload.preconditions).toEqual(["TermsAndConditions", "CustomForm"]);
    const { downloadId } = check.body.payload;
    const refused = await apiCall<{ errors: { fieldId: string }[] }>(
      sandbox(),
      demo,
      `/downloads/${downloadId}/asset`,
      {
        method: "POST",
        body: { assetId: asset.id, attributeIdValues: [] },
      },
    );
    expect(refused.response.status).toBe(400);
    expect(refused.body.payload.errors.map((error) => error.fieldId)).toEqual([TERMS, PURPOSE]);

    const renditions = await apiCall<{ id: string; name: string; url: string }[]>(
      sandbox(),
      demo,
      `/assets/${asset.id}/renditions`,
    );
    const small = renditions.body.payload.find((rendition) => rendition.name === "Small");
    const granted = await apiCall<{ sasUrl: string }>(sandbox(), demo, `/downloads/${downloadId}/asset`, {
      method: "POST",
      body: { assetId: asset.id, attributeIdValues: ACCEPTED, renditionId: small?.id },
    });
    expect(granted.response.status).toBe(202);
    expect(granted.body.payload.sasUrl).toBe(small?.url);
    expect((await fetch(granted.body.payload.sasUrl)).status).toBe(200);

    const recorded = await apiCall(sandbox(), demo, `/assets/${asset.id}/downloaded`, { method: "POST" });
    expect(recorded.response.status).toBe(200);
    expect((await control().stats()).downloadsRecorded).toBe(1);
  });

  it("builds an archive with progress, then serves a real zip without authentication", async () => {
    await control().setArchive({ seconds: 1 });
    const ids = assets.slice(0, 4).map((asset) => asset.id);
    const started = await apiCall<{ batchId: string }>(sandbox(), demo, "/downloads", {
      method: "POST",
      body: { attributeIdValues: ACCEPTED, downloadSettingsPostDetail: { ids, zipFileName: "picks" } },
    });
    expect(started.response.status).toBe(202);
    const { batchId } = started.body.payload;
    const first = await apiCall<Download>(sandbox(), demo, `/downloads/${batchId}`);
    expect(["Queued", "Processing"]).toContain(first.body.payload.status);
    expect(first.body.payload.filePath).toBeNull();

    let download = first.body.payload;
    const deadline = Date.now() + 5000;
    while (download.status !== "Ready" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      download = (await apiCall<Download>(sandbox(), demo, `/downloads/${batchId}`)).body.payload;
    }
    expect(download).toMatchObject({
      status: "Ready",
      itemCount: 4,
      processedCount: 4,
      fileName: "picks.zip",
    });
    const zip = await fetch(download.filePath ?? "");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(bytes.length - 12)).toBe(4);

    const list = await apiCall<{ data: Download[] }>(sandbox(), demo, "/downloads");
    expect(list.body.payload.data.map((entry) => entry.id)).toContain(batchId);
  });

  it("refuses an archive without the terms, and ends failed or expired when told to", async () => {
    const ids = [assets[0]?.id];
    const refused = await apiCall(sandbox(), demo, "/downloads", {
      method: "POST",
      body: { downloadSettingsPostDetail: { ids } },
    });
    expect(refused.response.status).toBe(400);
    for (const outcome of ["failed", "expired"] as const) {
      await control().setArchive({ seconds: 0, outcome });
      const started = await apiCall<{ batchId: string }>(sandbox(), demo, "/downloads", {
        method: "POST",
        body: { attributeIdValues: ACCEPTED, downloadSettingsPostDetail: { ids } },
      });
      const state = await apiCall<Download>(sandbox(), demo, `/downloads/${started.body.payload.batchId}`);
      expect(state.body.payload.status).toBe(outcome === "failed" ? "Failed" : "Expired");
    }
  });

  it("refuses the read-only user downloads, category writes and edits, naming each permission", async () => {
    const asset = assets[1] as AssetSummary;
    const attempts: [string, string, unknown, string][] = [
      ["POST", "/downloads/validate", {}, "asset:download"],
      ["POST", `/assets/${asset.id}/downloaded`, undefined, "asset:download"],
      ["POST", `/assets/${asset.id}/categories`, [asset.categories[0]], "asset:assignCategory"],
    ];
    for (const [method, path, body, permission] of attempts) {
      const answer = await apiCall(sandbox(), viewer, path, { method, body, apiVersion: "1.2" });
      expect(answer.response.status).toBe(403);
      expect(answer.body.errors[0]?.message).toBe(`You do not have the ${permission} permission.`);
    }
  });

  it("gives permissions as names on 1.2 and as {all:[{name}]} before, on assets and for the current user", async () => {
    const current = await apiCall<string[]>(sandbox(), viewer, "/users/current/permissions", {
      apiVersion: "1.2",
    });
    expect(current.body.payload).toEqual(["asset:view"]);
    const older = await apiCall(sandbox(), viewer, "/users/current/permissions");
    expect(older.body.payload).toEqual({ all: [{ name: "asset:view" }] });
    const asset = await apiCall(sandbox(), demo, `/assets/${assets[0]?.id}`, { apiVersion: "1.1" });
    expect((asset.body.payload as { permissions: unknown }).permissions).toMatchObject({
      all: expect.arrayContaining([{ name: "asset:download" }]),
    });
  });

  it("files an asset in a category and takes it out again", async () => {
    const asset = assets[2] as AssetSummary;
    const categories = await apiCall<{ id: string }[]>(sandbox(), demo, "/categories?count=5");
    const target =
      categories.body.payload.find((category) => !asset.categories.includes(category.id))?.id ?? "";
    const filed = await apiCall<string[]>(sandbox(), demo, `/assets/${asset.id}/categories`, {
      method: "POST",
      body: [target],
    });
    expect(filed.response.status).toBe(201);
    expect(filed.body.payload).toContain(target);
    const removed = await apiCall(sandbox(), demo, `/assets/${asset.id}/categories/${target}`, {
      method: "DELETE",
    });
    expect(removed.response.status).toBe(200);
    const after = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${asset.id}`);
    expect(after.body.payload.categories).not.toContain(target);
  });
});
