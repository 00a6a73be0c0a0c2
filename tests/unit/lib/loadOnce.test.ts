import { describe, expect, it, vi } from "vitest";
import { instanceFrom, loadOnce } from "../../../src/lib/loadOnce";

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

describe("instanceFrom", () => {
  it("makes one instance once the code is in, and none before", async () => {
    const code = loadOnce(async () => ({ make: (n: number) => ({ n }) }));
    const create = vi.fn((loaded: { make: (n: number) => { n: number } }) => loaded.make(1));
    const instance = instanceFrom(code, create);
    expect(instance.now()).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([instance(), instance()]);
    expect(first).toBe(second);
    expect(instance.now()).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("makes it at once, without loading again, when the code was loaded by someone else", async () => {
    const load = vi.fn(async () => "code");
    const code = loadOnce(load);
    await code();
    const instance = instanceFrom(code, (loaded) => ({ from: loaded }));
    expect(instance.now()).toEqual({ from: "code" });
    expect(await instance()).toBe(instance.now());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("fails while the code cannot load, and makes the instance once it can", async () => {
    const code = loadOnce(
      vi
        .fn<() => Promise<string>>()
        .mockRejectedValueOnce(new Error("offline"))
        .mockResolvedValueOnce("code"),
    );
    const instance = instanceFrom(code, (loaded) => ({ from: loaded }));
    await expect(instance()).rejects.toThrow("offline");
    expect(instance.now()).toBeUndefined();
    expect(await instance()).toEqual({ from: "code" });
  });
});
