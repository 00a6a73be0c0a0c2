import { describe, expect, it, vi } from "vitest";
import { loadOnce } from "../../../src/lib/loadOnce";

describe("loadOnce", () => {
  it("starts loading once and hands every caller the same promise", async () => {
    const load = vi.fn(async () => ({ ready: true }));
    const loader = loadOnce(load);
    const first = loader();
    const second = loader();
    expect(second).toBe(first);
    expect(await second).toEqual({ ready: true });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("forgets a failure, so the next call loads again", async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce("loaded");
    const loader = loadOnce(load);
    await expect(loader()).rejects.toThrow("offline");
    await expect(loader()).resolves.toBe("loaded");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("tells what it loaded, once it has, without a call", async () => {
    const loader = loadOnce(async () => "module");
    expect(loader.loaded).toBeUndefined();
    const loading = loader();
    expect(loader.loaded).toBeUndefined();
    await loading;
    expect(loader.loaded).toBe("module");
  });

  it("tells nothing after a failed load", async () => {
    const loader = loadOnce(() => Promise.reject(new Error("offline")));
    await expect(loader()).rejects.toThrow("offline");
    expect(loader.loaded).toBeUndefined();
  });
});
