import { afterEach, describe, expect, it, vi } from "vitest";
import { afterNextPaint } from "../../../src/lib/afterNextPaint";

describe("afterNextPaint", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits for the next frame, and then for a task, so the frame's paint comes first", () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    const run = vi.fn();
    afterNextPaint(run);
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();

    for (const frame of frames.splice(0)) frame(0);
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("in a hidden page, which gets no frames, waits for a task only", () => {
    vi.useFakeTimers();
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    const requestFrame = vi.fn();
    vi.stubGlobal("requestAnimationFrame", requestFrame);
    const run = vi.fn();
    afterNextPaint(run);
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
    expect(requestFrame).not.toHaveBeenCalled();
  });
});
