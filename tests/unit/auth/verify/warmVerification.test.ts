import { afterEach, describe, expect, it, vi } from "vitest";
import { settle } from "../../helpers";
import { createManagerWithServer, seedSession, storedSession } from "../fakeAuthServer";

describe("A stored session (issue 16: the first renewal after a reload)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks once for idle time to load the verification code, and makes no request for it", async () => {
    const idleTasks: (() => void)[] = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void) => idleTasks.push(task));
    const { manager, posts, keyRequests } = createManagerWithServer();
    await seedSession(manager, storedSession());

    await manager.getUser();
    await manager.getUser();
    expect(idleTasks).toHaveLength(1);

    idleTasks[0]?.();
    await settle();
    expect(keyRequests).toEqual([]);
    expect(posts).toEqual([]);
  });

  it("schedules nothing while no session is stored", async () => {
    const idleTasks: (() => void)[] = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void) => idleTasks.push(task));
    const { manager } = createManagerWithServer();
    await manager.getUser();
    expect(idleTasks).toEqual([]);
  });
});
