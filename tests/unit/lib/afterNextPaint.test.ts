import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterNextPaint } from "../../../src/lib/afterNextPaint";

describe("afterNextPaint", () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame"],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("runs the task in a task of its own after the next frame, once", () => {
    const task = vi.fn();
    afterNextPaint(task);
    vi.advanceTimersByTime(1);
    expect(task).not.toHaveBeenCalled();
    // The frame (16 ms under fake timers) queues the task; it runs after the frame's callbacks, not among them.
    let inFrame = false;
    requestAnimationFrame(() => (inFrame = task.mock.calls.length > 0));
    vi.advanceTimersToNextFrame();
    expect(inFrame).toBe(false);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("runs the task after the fallback when no frame comes (the page was hidden meanwhile)", () => {
    const task = vi.fn();
    const frames = vi.spyOn(globalThis, "requestAnimationFrame").mockImplementation(() => 7);
    afterNextPaint(task, 100);
    expect(frames).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("runs the task in the next task on a hidden page, which gets no frames", () => {
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    vi.spyOn(globalThis, "requestAnimationFrame").mockImplementation(() => 7);
    const task = vi.fn();
    afterNextPaint(task);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("never runs a cancelled task", () => {
    const task = vi.fn();
    const cancel = afterNextPaint(task);
    cancel();
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
