import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, type AssetsPayload, type AssetSummary } from "./helpers/apiCall";
import { signIn, TEST_APP_ORIGIN } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface DirectLink {
  directLinkId: string;
  assetId: string;
  cdnLink: string;
  linkName: string;
  createdAt: string;
  user: { username: string } | null;
  state: string;
  renditionSettings: { size: { type: string; width?: number; height?: number }; format: string };
}

interface Comment {
  id: string;
  comment: string;
  commentType: string;
  addedAt: string;
  addedBy: { username: string } | null;
}

interface History {
  assetId: string;
  assetHistoryDetail: {
    date: string;
    type: string;
    user: { username: string | null };
    sharedTo: string | null;
  }[];
}

type StreamingAsset = AssetSummary & { media: { streamingManifest: string | null } };

const linkBody = (linkName: string, format = "JPG", size: unknown = { type: "Original" }) => ({
  renditionSettings: { size, format },
  linkSettings: { linkName },
});

describe("direct links, comments, history, related assets and video streams", () => {
  const sandbox = useSandbox();
  let demo = "";
  let alex = "";
  let image: AssetSummary;
  let video: StreamingAsset;
  let plainVideo: StreamingAsset;

  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    alex = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
    const assets = (await apiCall<AssetsPayload>(sandbox(), demo, "/assets?count=1000")).body.payload
      .assets as StreamingAsset[];
    image = assets.find((asset) => asset.media.type === "Image") as AssetSummary;
    video = assets.find((asset) => asset.media.streamingManifest !== null) as StreamingAsset;
    plainVideo = assets.find(
      (asset) => asset.media.type === "Video" && asset.media.streamingManifest === null,
    ) as StreamingAsset;
  });

  describe("/directlinks/{assetId}", () => {
    it("creates a CDN link that anyone can open without credentials, and lists it", async () => {
      const before = await apiCall<DirectLink[]>(sandbox(), demo, `/directlinks/${image.id}`);
      const created = await apiCall<DirectLink>(sandbox(), demo, `/directlinks/${image.id}`, {
        method: "POST",
        body: linkBody("Website hero", "PNG", { type: "Custom", width: 800, height: 600 }),
      });

      expect(before.body.recordCount?.totalRecordsFound).toBe(0);
      expect(created.response.status).toBe(201);
      expect(created.body.payload).toMatchObject({
        assetId: image.id,
        linkName: "Website hero",
        state: "Active",
        user: { username: "demo" },
        renditionSettings: { size: { type: "Custom", width: 800, height: 600 }, format: "PNG" },
      });
      const file = await fetch(created.body.payload.cdnLink, {
        headers: { Origin: "https://elsewhere.example" },
      });
      expect(file.status).toBe(200);
      expect(file.headers.get("access-control-allow-origin")).toBe("*");
      expect(await file.text()).toContain("<svg");
      const listed = await apiCall<DirectLink[]>(sandbox(), demo, `/directlinks/${image.id}`);
      expect(listed.body.payload.map((link) => link.cdnLink)).toEqual([created.body.payload.cdnLink]);
      expect(listed.body.recordCount).toEqual({
        totalRecordsFound: 1,
        startingRecord: 1,
        recordsReturned: 1,
      });
    });

    it("gives back the same link for the same name and rendition unless isUniqueLink is true", async () => {
      const first = await apiCall<DirectLink>(sandbox(), demo, `/directlinks/${image.id}`, {
        method: "POST",
        body: linkBody("Default"),
      });
      const again = await apiCall<DirectLink>(sandbox(), demo, `/directlinks/${image.id}`, {
        method: "POST",
        body: linkBody("Default"),
      });
      const unique = await apiCall<DirectLink>(sandbox(), demo, `/directlinks/${image.id}`, {
        method: "POST",
        body: { ...linkBody("Default"), linkSettings: { linkName: "Default", isUniqueLink: true } },
      });

      expect(again.response.status).toBe(200);
      expect(again.body.payload.directLinkId).toBe(first.body.payload.directLinkId);
      expect(unique.response.status).toBe(201);
      expect(unique.body.payload.directLinkId).not.toBe(first.body.payload.directLinkId);
    });

    it("refuses a user without the permission: 403 on version 1.2, 401 before", async () => {
      const on12 = await apiCall(sandbox(), alex, `/directlinks/${image.id}`, {
        method: "POST",
        body: linkBody("Nope"),
        apiVersion: "1.2",
      });
      const on10 = await apiCall(sandbox(), alex, `/directlinks/${image.id}`, {
        method: "POST",
        body: linkBody("Nope"),
      });

      expect(on12.response.status).toBe(403);
      expect(on12.body.errors[0]?.message).toMatch(/asset:createDirectLink/);
      expect(on10.response.status).toBe(401);
      expect((await apiCall(sandbox(), alex, `/directlinks/${image.id}`)).response.status).toBe(200);
    });

    it("refuses a body it cannot read, a format the asset cannot have, and an unknown asset", async () => {
      const post = (id: string, body: unknown) =>
        apiCall(sandbox(), demo, `/directlinks/${id}`, { method: "POST", body });
      const cases: unknown[] = [
        {},
        { renditionSettings: { size: { type: "Original" }, format: "JPG" } },
        linkBody("x", "JPG", { type: "Huge" }),
        linkBody("x", "JPG", { type: "Custom", width: 0, height: 10 }),
        linkBody("x", "MP4"),
        linkBody("", "JPG"),
      ];
      for (const body of cases) {
        expect((await post(image.id, body)).response.status, JSON.stringify(body)).toBe(400);
      }
      expect((await post("00000000-0000-4000-8000-000000000000", linkBody("x"))).response.status).toBe(404);
      expect((await post(video.id, linkBody("Clip", "MP4"))).response.status).toBe(201);
    });

    it("serves nothing for a link that does not exist", async () => {
      const response = await fetch(`${sandbox().apiUrl}/cdn/00000000-0000-4000-8000-000000000000/x.jpg`);
      expect(response.status).toBe(404);
    });
  });

  describe("/assets/{id}/comments and /history", () => {
    it("adds a comment, lists it oldest first, and records it in the history", async () => {
      const added = await apiCall<Comment>(sandbox(), demo, `/assets/${image.id}/comments`, {
        method: "POST",
        body: { comment: "  Cleared for the spring campaign.  " },
      });
      await apiCall(sandbox(), demo, `/assets/${image.id}/comments`, {
        method: "POST",
        body: { comment: "Second" },
      });
      const listed = await apiCall<Comment[]>(sandbox(), alex, `/assets/${image.id}/comments`);

      expect(added.response.status).toBe(201);
      expect(added.body.payload).toMatchObject({
        comment: "Cleared for the spring campaign.",
        commentType: "General",
        addedBy: { username: "demo" },
      });
      expect(listed.body.payload.map((comment) => comment.comment)).toEqual([
        "Cleared for the spring campaign.",
        "Second",
      ]);
      expect(listed.body.recordCount?.totalRecordsFound).toBe(2);
      const history = await apiCall<History[]>(sandbox(), demo, `/assets/${image.id}/history`);
      const types = history.body.payload[0]?.assetHistoryDetail.map((event) => event.type);
      expect(types?.filter((type) => type === "CommentAdded")).toHaveLength(2);
    });

    it("refuses an empty comment, and a user without the permission (403 on 1.2)", async () => {
      const empty = await apiCall(sandbox(), demo, `/assets/${image.id}/comments`, {
        method: "POST",
        body: { comment: "   " },
      });
      const viewer = await apiCall(sandbox(), alex, `/assets/${image.id}/comments`, {
        method: "POST",
        body: { comment: "Hello" },
        apiVersion: "1.2",
      });
      expect(empty.response.status).toBe(400);
      expect(viewer.response.status).toBe(403);
    });

    it("shows the upload, the approval and every edit, newest first, with who and when", async () => {
      await apiCall(sandbox(), demo, `/assets/${plainVideo.id}`, {
        method: "PATCH",
        body: [{ op: "replace", path: "/title", value: "Edited for history" }],
        contentType: "application/json-patch+json",
      });
      await apiCall(sandbox(), demo, `/assets/${plainVideo.id}/keywords`, {
        method: "POST",
        body: ["history"],
      });
      const { response, body } = await apiCall<History[]>(
        sandbox(),
        demo,
        `/assets/${plainVideo.id}/history`,
      );

      expect(response.status).toBe(200);
      const details = body.payload[0]?.assetHistoryDetail ?? [];
      expect(body.payload[0]?.assetId).toBe(plainVideo.id);
      expect(details.map((event) => event.type)).toEqual(
        expect.arrayContaining(["Uploaded", "MetadataUpdated", "KeywordsAdded"]),
      );
      expect(details.at(-1)).toMatchObject({ type: "Uploaded", sharedTo: null });
      expect(details[0]?.user.username).toBe("demo");
      const dates = details.map((event) => event.date);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it("names the link in the history when a direct link is created", async () => {
      const { body } = await apiCall<History[]>(sandbox(), demo, `/assets/${image.id}/history`);
      expect(body.payload[0]?.assetHistoryDetail).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: "DirectLinkCreated", sharedTo: "Website hero" }),
        ]),
      );
    });
  });

  describe("/assets/{id}/relatedassets", () => {
    it("lists related assets as asset DTOs, paged", async () => {
      const all = await apiCall<AssetSummary[]>(sandbox(), demo, `/assets/${image.id}/relatedassets`);
      const page = await apiCall<AssetSummary[]>(
        sandbox(),
        demo,
        `/assets/${image.id}/relatedassets?count=2`,
      );

      expect(all.response.status).toBe(200);
      expect(all.body.payload.length).toBeGreaterThan(2);
      expect(all.body.payload.some((asset) => asset.id === image.id)).toBe(false);
      expect(all.body.payload[0]?.media.thumb).toMatch(/^http/);
      expect(page.body.payload).toHaveLength(2);
      expect(page.body.recordCount?.totalRecordsFound).toBe(all.body.payload.length);
      expect((await apiCall(sandbox(), demo, "/assets/nope/relatedassets")).response.status).toBe(404);
    });
  });

  describe("media.streamingManifest", () => {
    it("links some videos, not all, to an HLS playlist served without credentials, with CORS for the app", async () => {
      expect(video.media.type).toBe("Video");
      expect(plainVideo.media.streamingManifest).toBeNull();
      const master = await fetch(video.media.streamingManifest ?? "", {
        headers: { Origin: TEST_APP_ORIGIN },
      });
      const text = await master.text();

      expect(master.status).toBe(200);
      expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
      expect(master.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
      expect(text).toMatch(/#EXT-X-STREAM-INF:.*CODECS="avc1\.42c01e"/);
      const other = await fetch(video.media.streamingManifest ?? "", {
        headers: { Origin: "https://evil.example" },
      });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("serves the media playlist, the init segment and every segment, a few KB in all", async () => {
      const base = new URL(".", video.media.streamingManifest ?? "");
      const playlist = await (await fetch(new URL("playlist.m3u8", base))).text();
      const files = ["init.mp4", ...playlist.split("\n").filter((line) => line.endsWith(".m4s"))];
      let total = 0;
      for (const name of files) {
        const response = await fetch(new URL(name, base));
        expect(response.status, name).toBe(200);
        expect(response.headers.get("content-type"), name).toMatch(/^video\//);
        total += (await response.arrayBuffer()).byteLength;
      }
      expect(files.length).toBe(4);
      expect(total).toBeLessThan(50_000);
    });

    it("serves no stream for a video without one, nor for an unknown file", async () => {
      const base = new URL(".", video.media.streamingManifest ?? "");
      expect((await fetch(`${sandbox().apiUrl}/streams/${plainVideo.id}/master.m3u8`)).status).toBe(404);
      expect((await fetch(new URL("secret.m3u8", base))).status).toBe(404);
    });
  });
});
