import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AssetPreview } from "../../../src/components/AssetPreview";

const base = { title: "Harbour", altText: "Boats at dawn", fileType: "JPG" };

describe("AssetPreview", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("shows an image lazily, with its aspect ratio reserved", () => {
    render(() => (
      <AssetPreview {...base} kind="Image" imageUrl="https://media/large.jpg" width={3000} height={4000} />
    ));
    const image = screen.getByRole("img", { name: "Boats at dawn" });
    expect([image.getAttribute("width"), image.getAttribute("height")]).toEqual(["960", "1280"]);
    expect(image.getAttribute("loading")).toBe("lazy");
  });

  it("plays a video that has a stream, with the still as its poster", () => {
    const { container } = render(() => (
      <AssetPreview
        {...base}
        kind="Video"
        fileType="MP4"
        imageUrl="https://media/poster.jpg"
        streamUrl="https://media/stream.m3u8"
      />
    ));
    const video = container.querySelector("video");
    expect(video?.getAttribute("poster")).toBe("https://media/poster.jpg");
    expect(video?.hasAttribute("controls")).toBe(true);
    expect(video?.querySelector("source")?.getAttribute("src")).toBe("https://media/stream.m3u8");
  });

  it("streams a video that has an HLS manifest, with the still as its poster", () => {
    vi.spyOn(HTMLMediaElement.prototype, "canPlayType").mockReturnValue("maybe");
    vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => undefined);
    render(() => (
      <AssetPreview
        {...base}
        kind="Video"
        fileType="MP4"
        imageUrl="https://media/poster.jpg"
        manifestUrl="https://api/streams/v1/master.m3u8"
      />
    ));
    const video = screen.getByLabelText("Video: Harbour");
    expect(video.getAttribute("src")).toBe("https://api/streams/v1/master.m3u8");
    expect(video.getAttribute("poster")).toBe("https://media/poster.jpg");
  });

  it("shows the poster and says why when a video has no stream", () => {
    const { container } = render(() => (
      <AssetPreview {...base} kind="Video" fileType="MP4" imageUrl="https://media/poster.jpg" />
    ));
    expect(container.querySelector("video")).toBeNull();
    expect(screen.getByText(/no playable stream/)).toBeTruthy();
  });

  it("shows an icon for a document, even when it has a preview image", () => {
    render(() => (
      <AssetPreview {...base} kind="Document" fileType="PDF" imageUrl="https://media/page1.jpg" />
    ));
    expect(screen.getByRole("img", { name: "PDF file" })).toBeTruthy();
    expect(screen.queryByRole("img", { name: "Boats at dawn" })).toBeNull();
  });

  it("shows a placeholder, not a broken image, for an image without a usable link", () => {
    const { container } = render(() => <AssetPreview {...base} kind="Image" />);
    expect(screen.getByRole("img", { name: "No preview of Harbour" })).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
  });
});
