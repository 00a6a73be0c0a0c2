import { afterEach, describe, expect, it, vi } from "vitest";
import type { RefreshLedger } from "../../../../src/auth/session/createRefreshLedger";
import { createRenewalLock } from "../../../../src/auth/session/createRenewalLock";
import type { SignOutGate } from "../../../../src/auth/session/createSignOutGate";
import { signOutSession } from "../../../../src/auth/session/signOutSession";
import { createTestUser, createTestUserManager } from "../fakeUserManager";

/** The tab's sign-out with everything around it recorded in `steps`, in order. */
function setUp(options: { gate?: Partial<SignOutGate>; replacement?: string } = {}) {
  const steps: string[] = [];
  const userManager = createTestUserManager();
  vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600, { refresh_token: "rt-1" }));
  vi.mocked(userManager.revokeTokens).mockImplementation(async () => void steps.push("revoke"));
  vi.spyOn(userManager, "removeUser").mockImplementation(async () => void steps.push("remove"));
  vi.mocked(userManager.signoutRedirect).mockImplementation(async (args) => {
    steps.push(`end session:${args?.id_token_hint}`);
  });
  const ledger: Pick<RefreshLedger, "replacementFor" | "clear"> = {
    replacementFor: async (spent) => (spent === "rt-1" ? options.replacement : undefined),
    clear: async () => void steps.push("clear ledger"),
  };
  const gate: SignOutGate = {
    enter: options.gate?.enter ?? (async () => true),
    release: options.gate?.release ?? (() => void steps.push("release gate")),
  };
  const leave = vi.fn((url: string) => void steps.push(`leave:${url}`));
  const tabStorage = window.sessionStorage;
  const run = () =>
    signOutSession({
      userManager,
      gate,
      ledger,
      leave,
      tabStorage,
      lock: createRenewalLock("x", undefined),
      basePath: "/",
    });
  return { steps, userManager, tabStorage, run };
}

describe("signOutSession", () => {
  afterEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });

  it("revokes the refresh token, clears the session here, then ends it at the server with the id_token as hint", async () => {
    const { steps, run } = setUp();
    await run();
    expect(steps).toEqual(["revoke", "clear ledger", "remove", "end session:header.payload.signature"]);
  });

  it("revokes the newest session when another tab renewed it a moment ago (the ledger has it)", async () => {
    const { steps, userManager, run } = setUp({ replacement: "session-2" });
    const newer = createTestUser(600, { refresh_token: "rt-2" });
    newer.id_token = "newer.id.token";
    vi.spyOn(userManager, "storeSession").mockImplementation(async () => {
      steps.push("store newer");
      return newer;
    });
    await run();
    expect(userManager.storeSession).toHaveBeenCalledWith("session-2");
    expect(steps).toEqual(["store newer", "revoke", "clear ledger", "remove", "end session:newer.id.token"]);
  });

  it("goes to the start page, touching nothing, when another tab is signing out this moment", async () => {
    const { steps, run } = setUp({ gate: { enter: async () => false } });
    await run();
    expect(steps).toEqual(["leave:https://valet.example/"]);
  });

  it("goes ahead where Web Locks refuse the gate: one visit too many beats none", async () => {
    const { steps, run } = setUp({
      gate: { enter: () => Promise.reject(new DOMException("", "SecurityError")) },
    });
    await run();
    expect(steps.at(-1)).toBe("end session:header.payload.signature");
  });

  it("goes to the start page when no session is left to end (another tab ended it)", async () => {
    const { steps, userManager, run } = setUp();
    vi.mocked(userManager.getUser).mockResolvedValue(null);
    await run();
    expect(steps).toEqual(["clear ledger", "remove", "leave:https://valet.example/"]);
  });

  it("clears what Valet kept in this tab for the person", async () => {
    const { tabStorage, run } = setUp();
    tabStorage.setItem("valet.selection", "[]");
    await run();
    expect(tabStorage.getItem("valet.selection")).toBeNull();
  });

  it("clears what the tabs shared for the person, and keeps the verified server facts", async () => {
    const { run } = setUp();
    const shared = window.localStorage;
    shared.setItem("valet.lastActivity", "1767225600000");
    shared.setItem("valet.state.abc", "{}");
    shared.setItem("valet.discovery:https://login.example", "{}");
    await run();
    expect(shared.getItem("valet.lastActivity")).toBeNull();
    expect(shared.getItem("valet.state.abc")).toBeNull();
    expect(shared.getItem("valet.discovery:https://login.example")).toBe("{}");
  });

  it("when the server cannot be reached: the session is cleared here, the gate opens again, and it says why", async () => {
    const { steps, userManager, run } = setUp();
    vi.mocked(userManager.signoutRedirect).mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(run()).rejects.toMatchObject({ source: "signoutRedirect", code: "server_unreachable" });
    expect(steps).toEqual(["revoke", "clear ledger", "remove", "release gate"]);
  });
});
