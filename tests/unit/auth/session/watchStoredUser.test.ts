import type { User } from "oidc-client-ts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchStoredUser } from "../../../../src/auth/session/watchStoredUser";
import { createTestUser } from "../fakeUserManager";

describe("watchStoredUser", () => {
  let undo: (() => void) | undefined;
  afterEach(() => {
    undo?.();
    undo = undefined;
  });

  const storageEvent = (key: string | null) => window.dispatchEvent(new StorageEvent("storage", { key }));

  it("hands over the stored user whenever another tab changes it, or clears the storage", async () => {
    const stored = createTestUser(600);
    const getUser = vi
      .fn<() => Promise<User | null>>()
      .mockResolvedValueOnce(stored)
      .mockResolvedValueOnce(null);
    const onChange = vi.fn();
    undo = watchStoredUser({ getUser }, onChange);

    storageEvent("valet.user:https://login.example:valet");
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(stored));
    storageEvent(null);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(null));
  });

  it("ignores other keys", async () => {
    const getUser = vi.fn(async () => null);
    undo = watchStoredUser({ getUser }, vi.fn());
    storageEvent("valet.lastActivity");
    storageEvent("valet.selection");
    await Promise.resolve();
    expect(getUser).not.toHaveBeenCalled();
  });

  it("after its undo, neither listens nor delivers a read still under way", async () => {
    let answer!: (user: User | null) => void;
    const getUser = vi.fn(() => new Promise<User | null>((resolve) => (answer = resolve)));
    const onChange = vi.fn();
    const stop = watchStoredUser({ getUser }, onChange);
    storageEvent("valet.user:x");
    stop();
    answer(null);
    storageEvent("valet.user:x");
    await vi.waitFor(() => expect(getUser).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(onChange).not.toHaveBeenCalled();
  });
});
