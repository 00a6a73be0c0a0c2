import { describe, expect, it } from "vitest";
import { normalizeAsset, normalizeRendition } from "../../../src/api/normalizeAsset";
import { safeMediaUrl } from "../../../src/api/safeMediaUrl";

describe("safeMediaUrl", () => {
  it.each([
    "https://acct.blob.core.windows.net/medialibrary/Thumb/a1.jpg?sv=2020&sig=abc",
    "http://localhost:4011/media/a1/thumb.jpg",
    "http://127.0.0.1:4011/media/a1/thumb.jpg",
    "http://[::1]:4011/media/a1/thumb.jpg",
  ])("keeps %s", (url) => {
    expect(safeMediaUrl(url)).toBe(url);
  });

  it.each([
    ["javascript:", "javascript:alert(document.domain)"],
    ["javascript: with odd case and spaces", "  JaVaScRiPt:alert(1)"],
    ["data:", "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="],
    ["http to a remote host", "http://media.example.com/a1.jpg"],
    ["http to a host that only starts like localhost", "http://localhost.evil.example/a1.jpg"],
    ["a relative path", "/media/a1.jpg"],
    ["a protocol-relative URL", "//evil.example/a1.jpg"],
    ["blob:", "blob:https://app.example/123"],
    ["an empty string", ""],
  ])("drops %s", (_name, url) => {
    expect(safeMediaUrl(url)).toBeUndefined();
  });

  it("drops values that are not strings", () => {
    expect(safeMediaUrl(42)).toBeUndefined();
    expect(safeMediaUrl({ href: "https://x.example" })).toBeUndefined();
  });
});

describe("normalizeAsset", () => {
  it("drops every unsafe media link and keeps the safe ones and the values that are not links", () => {
    const asset = normalizeAsset({
      id: "a1",
      title: "Harbour",
      media: {
        type: "Image",
        thumb: "https://blob.example/thumb.jpg",
        large: "javascript:alert(1)",
        download: "http://remote.example/a1.jpg",
        stream: "//evil.example/stream.m3u8",
        streamingManifest: "data:application/x-mpegurl,#EXTM3U",
        downloadRequest: "downloads/validate",
        sasExpiry: "2026-12-01T00:00:00Z",
        somethingNew: "javascript:alert(2)",
      },
    });
    expect(asset.media).toEqual({
      type: "Image",
      thumb: "https://blob.example/thumb.jpg",
      downloadRequest: "downloads/validate",
      sasExpiry: "2026-12-01T00:00:00Z",
    });
    expect(asset.title).toBe("Harbour");
  });

  it("gives an asset without media an empty media object", () => {
    expect(normalizeAsset({ id: "a1" }).media).toEqual({});
  });

  it("drops a rendition's unsafe url and keeps the rendition", () => {
    expect(normalizeRendition({ name: "Web", url: "javascript:alert(1)" })).toEqual({ name: "Web" });
    expect(normalizeRendition({ name: "Web", url: "https://blob.example/web.jpg" })).toEqual({
      name: "Web",
      url: "https://blob.example/web.jpg",
    });
  });
});
