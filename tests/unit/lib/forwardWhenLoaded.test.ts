import { describe, expect, it, vi } from "vitest";
import { forwardWhenLoaded } from "../../../src/lib/forwardWhenLoaded";

class Counter {
  count = 0;
  async add(amount: number): Promise<number> {
    this.count += amount;
    return this.count;
  }
}

describe("forwardWhenLoaded", () => {
  it("loads on the first call, not before, and calls the loaded object's method with it as this", async () => {
    const counter = new Counter();
    const load = vi.fn(() => Promise.resolve(counter));
    const lazy = forwardWhenLoaded(load);
    expect(load).not.toHaveBeenCalled();
    await expect(lazy.add(2)).resolves.toBe(2);
    await expect(lazy.add(3)).resolves.toBe(5);
    expect(counter.count).toBe(5);
  });

  it("lets an object built over it answer first", async () => {
    const load = vi.fn(() => Promise.resolve(new Counter()));
    const lazy = Object.assign(Object.create(forwardWhenLoaded(load)) as Counter, {
      add: async () => -1,
    });
    await expect(lazy.add(1)).resolves.toBe(-1);
    expect(load).not.toHaveBeenCalled();
  });

  it("is no thenable, so awaiting it loads nothing", async () => {
    const load = vi.fn(() => Promise.resolve(new Counter()));
    const lazy = forwardWhenLoaded(load);
    expect(await Promise.resolve(lazy)).toBe(lazy);
    expect(load).not.toHaveBeenCalled();
  });

  it("rejects a call to a method the loaded object does not have", async () => {
    const lazy = forwardWhenLoaded(() => Promise.resolve(new Counter())) as Counter & {
      missing(): Promise<void>;
    };
    await expect(lazy.missing()).rejects.toThrow('no method "missing"');
  });

  it("calls the loaded object at once, not a microtask later, once it is there", () => {
    const counter = new Counter();
    const load = vi.fn(() => Promise.resolve(counter));
    const lazy = forwardWhenLoaded(load, () => counter);
    void lazy.add(4);
    // Before any microtask has run: the method's synchronous part ran within the call.
    expect(counter.count).toBe(4);
    expect(load).not.toHaveBeenCalled();
  });

  it("waits for the load while the object is not there yet", async () => {
    const counter = new Counter();
    let there: Counter | undefined;
    const lazy = forwardWhenLoaded(
      () => Promise.resolve(counter).then((loaded) => (there = loaded)),
      () => there,
    );
    const first = lazy.add(1);
    expect(counter.count).toBe(0);
    await expect(first).resolves.toBe(1);
  });

  it("rejects, never throws, a call to a missing method of an object already there", async () => {
    const counter = new Counter();
    const lazy = forwardWhenLoaded(
      () => Promise.resolve(counter),
      () => counter,
    ) as Counter & {
      missing(): Promise<void>;
    };
    const call = lazy.missing();
    await expect(call).rejects.toThrow('no method "missing"');
  });

  it("fails a call to the object already there with a rejection when its method throws at once", async () => {
    const thrower = {
      go(): Promise<void> {
        throw new Error("bad id");
      },
    };
    const lazy = forwardWhenLoaded(
      () => Promise.resolve(thrower),
      () => thrower,
    );
    let call: Promise<void> | undefined;
    expect(() => (call = lazy.go())).not.toThrow();
    await expect(call).rejects.toThrow("bad id");
  });
});
