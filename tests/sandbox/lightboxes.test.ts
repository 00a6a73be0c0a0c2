import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetsPayload } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface Lightbox {
  id: string;
  name: string;
  description: string;
  assetCount: number;
  owner: { username: string };
  permissions: string[];
}

const SHARED = "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b04";
const ALEX_PRIVATE = "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b05";
const inLightbox = (id: string) => `LightboxIds/ANY(l: l EQ '${id}')`;

describe("lightboxes", () => {
  const sandbox = useSandbox();
  let demo = "";
  let viewer = "";
  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    viewer = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
  });

  it("lists the caller's own lightboxes, then those shared with them, paged with recordCount", async () => {
    const { body } = await apiCall<Lightbox[]>(sandbox(), demo, "/lightboxes?count=3", { apiVersion: "1.2" });
    expect(body.recordCount).toEqual({ totalRecordsFound: 4, startingRecord: 1, recordsReturned: 3 });
    const all = await apiCall<Lightbox[]>(sandbox(), demo, "/lightboxes", { apiVersion: "1.2" });
    expect(all.body.payload.map((lightbox) => [lightbox.name, lightbox.owner.username])).toEqual([
      ["Empty for now", "demo"],
      ["Spring campaign", "demo"],
      ["Website refresh", "demo"],
      ["Brand picks (from Alex)", "alex"],
    ]);
    expect(all.body.payload[3]?.permissions).toEqual(["lightbox:view"]);
  });

  it("creates, renames, fills, searches, empties and deletes a lightbox", async () => {
    const created = await apiCall<Lightbox>(sandbox(), demo, "/lightboxes", {
      method: "POST",
      body: { name: "Picks" },
    });
    expect(created.response.status).toBe(200);
    const id = created.body.payload.id;
    const duplicate = await apiCall(sandbox(), demo, "/lightboxes", {
      method: "POST",
      body: { name: "picks" },
    });
    expect(duplicate.response.status).toBe(409);

    const renamed = await apiCall<Lightbox>(sandbox(), demo, `/lightboxes/${id}`, {
      method: "PUT",
      body: { name: "Best picks", description: "For the deck" },
    });
    expect(renamed.body.payload).toMatchObject({ name: "Best picks", description: "For the deck" });

    const assets = (await apiCall<AssetsPayload>(sandbox(), demo, "/assets?count=3")).body.payload.assets;
    const ids = assets.map((asset) => asset.id);
    const added = await apiCall<string[]>(sandbox(), demo, `/lightboxes/${id}/assets`, {
      method: "POST",
      body: ids,
    });
    expect(added.body.payload).toEqual(ids);
    const held = await apiCall<AssetsPayload>(sandbox(), demo, `/lightboxes/${id}/assets`);
    expect(held.body.payload.assets.map((asset) => asset.id)).toEqual(ids);

    const search = await apiCall<AssetsPayload>(sandbox(), demo, "/assets/search", {
      method: "POST",
      body: { containerFilter: inLightbox(id), includeTotalCount: true },
    });
    expect(search.body.payload.assetCount).toBe(3);

    const removed = await apiCall(sandbox(), demo, `/lightboxes/${id}/assets/${ids[0]}`, {
      method: "DELETE",
    });
    expect(removed.response.status).toBe(200);
    const again = await apiCall(sandbox(), demo, `/lightboxes/${id}/assets/${ids[0]}`, { method: "DELETE" });
    expect(again.response.status).toBe(404);
    expect((await apiCall<Lightbox>(sandbox(), demo, `/lightboxes/${id}`)).body.payload.assetCount).toBe(2);

    expect((await apiCall(sandbox(), demo, `/lightboxes/${id}`, { method: "DELETE" })).response.status).toBe(
      200,
    );
    expect((await apiCall(sandbox(), demo, `/lightboxes/${id}`)).response.status).toBe(404);
  });

  it("hides someone else's private lightbox, also from a containerFilter search", async () => {
    expect((await apiCall(sandbox(), demo, `/lightboxes/${ALEX_PRIVATE}`)).response.status).toBe(404);
    const search = await apiCall<AssetsPayload>(sandbox(), demo, "/assets/search", {
      method: "POST",
      body: { containerFilter: inLightbox(ALEX_PRIVATE), includeTotalCount: true },
    });
    expect(search.body.payload.assetCount).toBe(0);
    const own = await apiCall<AssetsPayload>(sandbox(), viewer, "/assets/search", {
      method: "POST",
      body: { containerFilter: inLightbox(ALEX_PRIVATE), includeTotalCount: true },
    });
    expect(own.body.payload.assetCount).toBe(2);
  });

  it("lets the person a lightbox is shared with look but not change it (403 on 1.2, 401 on 1.0)", async () => {
    expect(
      (await apiCall<AssetsPayload>(sandbox(), demo, `/lightboxes/${SHARED}/assets`)).body.payload.assetCount,
    ).toBe(5);
    for (const [version, status] of [
      ["1.2", 403],
      ["1.0", 401],
    ] as const) {
      const { response, body } = await apiCall(sandbox(), demo, `/lightboxes/${SHARED}`, {
        method: "DELETE",
        apiVersion: version,
      });
      expect(response.status).toBe(status);
      expect(body.errors[0]?.message).toBe("You do not have the lightbox:delete permission.");
    }
  });

  it("refuses the read-only user a new lightbox, naming lightbox:create", async () => {
    const { response, body } = await apiCall(sandbox(), viewer, "/lightboxes", {
      method: "POST",
      body: { name: "Mine" },
      apiVersion: "1.2",
    });
    expect(response.status).toBe(403);
    expect(body.errors[0]?.message).toBe("You do not have the lightbox:create permission.");
  });
});
