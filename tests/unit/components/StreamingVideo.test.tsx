import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StreamingVideo } from "../../../src/components/StreamingVideo";

const hls = vi.hoisted(() => {
  const made: FakeHls[] = [];
  class FakeHls {
    static supported = true;
    static isSupported = () => FakeHls.supported;
    static Events = { ERROR: "hlsError" };
    readonly config: unknown;
    readonly calls: string[] = [];
    listeners = new Map<string, (event: string, data: unknown) => void>();
    constructor(config: unknown) {
      this.config = config;
      made.push(this);
    }
    loadSource(url: string) {
      this.calls.push(`loadSource ${url}`);
    }
    attachMedia() {
      this.calls.push("attachMedia");
    }
    startLoad() {
      this.calls.push("startLoad");
    }
    destroy() {
      this.calls.push("destroy");
    }
    on(event: string, listener: (event: string, data: unknown) => void) {
      this.listeners.set(event, listener);
    }
  }
  return { made, FakeHls };
});
vi.mock("hls.js/light", () => ({ default: hls.FakeHls }));

const MANIFEST = "https://api.example.com/streams/v1/master.m3u8";

function renderVideo() {
  return render(() => (
    <StreamingVideo
      manifestUrl={MANIFEST}
      posterUrl="https://media/poster.jpg"
      title="Teaser"
      width={960}
      height={540}
    />
  ));
}

describe("StreamingVideo", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    hls.made.length = 0;
    hls.FakeHls.supported = true;
  });

  it("gives the playlist straight to a browser that plays HLS itself, without loading hls.js", async () => {
    vi.spyOn(HTMLMediaElement.prototype, "canPlayType").mockReturnValue("maybe");
    // jsdom has no media pipeline; leaving the page unloads the stream with load().
    const unload = vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => undefined);
    renderVideo();
    const video = screen.getByLabelText("Video: Teaser") as HTMLVideoElement;
    expect(video.getAttribute("src")).toBe(MANIFEST);
    expect(video.getAttribute("poster")).toBe("https://media/poster.jpg");
    await Promise.resolve();
    expect(hls.made).toHaveLength(0);
    cleanup();
    expect(video.hasAttribute("src")).toBe(false);
    expect(unload).toHaveBeenCalled();
  });

  it("plays through hls.js without a worker, fetching segments only once playback starts", async () => {
    renderVideo();
    await vi.waitFor(() => expect(hls.made).toHaveLength(1));
    const player = hls.made[0];
    expect(player?.config).toMatchObject({ enableWorker: false, autoStartLoad: false });
    expect(player?.calls).toEqual([`loadSource ${MANIFEST}`, "attachMedia"]);
    screen.getByLabelText("Video: Teaser").dispatchEvent(new Event("play"));
    expect(player?.calls.at(-1)).toBe("startLoad");
    cleanup();
    expect(player?.calls.at(-1)).toBe("destroy");
  });

  it("says so, and points to the download, when a fatal stream error stops playback", async () => {
    renderVideo();
    await vi.waitFor(() => expect(hls.made).toHaveLength(1));
    hls.made[0]?.listeners.get("hlsError")?.("hlsError", { fatal: true, details: "manifestLoadError" });
    expect((await screen.findByRole("alert")).textContent).toMatch(/manifestLoadError.*Download the file/);
  });

  it("explains that the browser cannot stream when it has neither HLS nor Media Source Extensions", async () => {
    hls.FakeHls.supported = false;
    renderVideo();
    expect((await screen.findByRole("alert")).textContent).toMatch(/cannot play video streams/);
  });
});
