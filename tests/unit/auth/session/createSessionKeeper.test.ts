import { ErrorResponse, type User } from "oidc-client-ts";
import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuthError } from "../../../../src/auth/AuthError";
import type { RefreshLedger } from "../../../../src/auth/session/createRefreshLedger";
import { createRenewalLock } from "../../../../src/auth/session/createRenewalLock";
import { createSessionKeeper, type SessionKeeper } from "../../../../src/auth/session/createSessionKeeper";
import { DiscoveryRejected } from "../../../../src/auth/verify/DiscoveryRejected";
import { IdTokenRejected } from "../../../../src/auth/verify/IdTokenRejected";
import { SigningKeysUnavailable } from "../../../../src/auth/verify/SigningKeysUnavailable";
import { settle } from "../../helpers";
import { createTestUserManager, issueTestUser as issue } from "../fakeUserManager";

describe("createSessionKeeper", () => {
  let dispose: (() => void) | undefined;
  let stored: User | null;
  let ended: AuthError[];
  let reported: (AuthError | null)[];

  const start = (
    initial: User,
    ledger?: Pick<RefreshLedger, "record" | "replacementFor">,
    recordedByUserManager = false,
  ) => {
    const userManager = createTestUserManager();
    stored = initial;
    vi.mocked(userManager.getUser).mockImplementation(async () => stored);
    const refresh = vi.spyOn(userManager, "signinSilent");
    let keeper!: SessionKeeper;
    let setUser!: (user: User | null) => void;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      const [user, set] = createSignal<User | null>(initial);
      setUser = set;
      keeper = createSessionKeeper({
        userManager,
        user,
        adopt: (adopted) => set(adopted),
        end: (error) => ended.push(error),
        report: (error) => reported.push(error),
        lock: createRenewalLock("test", undefined),
        ...(ledger ? { ledger } : {}),
        recordedByUserManager,
        now: Date.now,
        random: () => 0.5,
      });
    });
    const succeed = (lifetime: number) =>
      refresh.mockImplementationOnce(async () => {
        const next = issue(lifetime, "rt-next");
        stored = next;
        setUser(next);
        return next;
      });
    return { keeper, refresh, succeed, setUser, userManager };
  };

  beforeEach(() => {
    vi.useFakeTimers();
    // Token times are whole seconds: start on one, so the schedule does not depend on the time of day.
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    ended = [];
    reported = [];
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it("renews a third of the lifetime before expiry for short tokens, and re-arms after each renewal", async () => {
    const { refresh, succeed } = start(issue(30));
    succeed(30);
    succeed(30);
    vi.advanceTimersByTime(19_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_500);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("renews about a minute before expiry for hour-long tokens", async () => {
    const { refresh, succeed } = start(issue(3600));
    succeed(3600);
    await vi.advanceTimersByTimeAsync(3_538_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("backs off and retries after a network error or a 5xx, then recovers", async () => {
    const { keeper, refresh, succeed } = start(issue(60));
    refresh.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    refresh.mockRejectedValueOnce(new ErrorResponse({ error: "server_error" }));
    succeed(60);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(keeper.status()).toBe("retrying");
    await vi.advanceTimersByTimeAsync(750); // 1 s × jitter 0.75
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(keeper.status()).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1_500); // 2 s × 0.75
    expect(refresh).toHaveBeenCalledTimes(3);
    expect(keeper.status()).toBe("idle");
    expect(reported.at(-1)).toBeNull();
    expect(ended).toEqual([]);
  });

  it("ends the session at once when the refresh token is refused", async () => {
    const { keeper, refresh } = start(issue(60));
    refresh.mockRejectedValueOnce(new ErrorResponse({ error: "invalid_grant" }));
    await vi.advanceTimersByTimeAsync(40_500);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(keeper.status()).toBe("failed");
    expect(ended.map((error) => error.code)).toEqual(["session_ended"]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it.each<[string, unknown, "retrying" | "failed"]>([
    [
      "keys that could not be fetched",
      new SigningKeysUnavailable({ cause: new TypeError("Failed to fetch") }),
      "retrying",
    ],
    ["a 503 page without an OAuth error", new Error("Service Unavailable (503)"), "retrying"],
    ["a refused id_token", new IdTokenRejected("bad_signature", "its signature does not match"), "failed"],
    ["a discovery document that fails its checks", new DiscoveryRejected(["bad issuer"]), "failed"],
    ["an error no one classified", new Error("something odd"), "failed"],
  ])("after %s it is %s: it switches on what toAuthError calls transient", async (_, error, expected) => {
    const { keeper, refresh } = start(issue(60));
    refresh.mockRejectedValueOnce(error);
    await keeper.renew({ force: true });
    expect(keeper.status()).toBe(expected);
    expect(ended.map((end) => end.code)).toEqual(expected === "failed" ? ["session_ended"] : []);
  });

  it("gives up after bounded attempts and starts again when the browser comes back online", async () => {
    const { keeper, refresh, succeed } = start(issue(60));
    refresh.mockRejectedValue(new TypeError("Failed to fetch"));
    await vi.advanceTimersByTimeAsync(40_000 + 60_000);
    expect(refresh).toHaveBeenCalledTimes(6);
    expect(keeper.status()).toBe("failed");
    refresh.mockReset();
    succeed(60);
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(keeper.status()).toBe("idle");
  });

  it("starts again when the machine wakes from sleep (a clock jump)", async () => {
    const { refresh, succeed } = start(issue(60));
    refresh.mockRejectedValue(new TypeError("Failed to fetch"));
    await vi.advanceTimersByTimeAsync(40_000 + 60_000);
    refresh.mockReset();
    succeed(60);
    vi.setSystemTime(Date.now() + 120_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("takes the token another tab already renewed instead of refreshing again", async () => {
    const { keeper, refresh } = start(issue(60));
    const renewedElsewhere = issue(60, "rt-other-tab");
    stored = renewedElsewhere;
    await expect(keeper.renew()).resolves.toBe(renewedElsewhere.access_token);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("takes over a renewal another tab recorded, instead of spending the refresh token again", async () => {
    // Another tab renewed and recorded it, but this tab's copy of localStorage still shows the spent token.
    const current = issue(60, "rt-spent");
    const renewedElsewhere = issue(60, "rt-new");
    let recorded: [string, string] | undefined = ["rt-spent", renewedElsewhere.toStorageString()];
    const ledger = {
      record: async (spent: string, session: string) => void (recorded = [spent, session]),
      replacementFor: async (token: string) => (recorded?.[0] === token ? recorded[1] : undefined),
      clear: async () => void (recorded = undefined),
    };
    const { keeper, refresh, userManager } = start(current, ledger);
    const storeSession = vi.spyOn(userManager, "storeSession").mockImplementation(async (session) => {
      const user = (await import("oidc-client-ts")).User.fromStorageString(session);
      stored = user;
      return user;
    });
    await expect(keeper.renew({ force: true })).resolves.toBe(renewedElsewhere.access_token);
    expect(refresh).not.toHaveBeenCalled();
    expect(storeSession).toHaveBeenCalledTimes(1);
  });

  it("records the refresh token it spent and the session it got, for the next tab", async () => {
    const records: string[] = [];
    const ledger = {
      record: async (spent: string) => void records.push(spent),
      replacementFor: async () => undefined,
      clear: async () => undefined,
    };
    const { keeper, succeed } = start(issue(60, "rt-first"), ledger);
    succeed(60);
    await keeper.renew({ force: true });
    expect(records).toEqual(["rt-first"]);
  });

  it("leaves the record to a UserManager that writes it itself: one write per renewal", async () => {
    const records: string[] = [];
    const ledger = {
      record: async (spent: string) => void records.push(spent),
      replacementFor: async () => undefined,
    };
    const { keeper, refresh, succeed } = start(issue(60, "rt-first"), ledger, true);
    succeed(60);
    await keeper.renew({ force: true });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(records).toEqual([]);
  });

  it("shares one refresh among concurrent callers", async () => {
    const { keeper, refresh, succeed } = start(issue(60));
    succeed(60);
    const [first, second] = await Promise.all([keeper.renew({ force: true }), keeper.renew({ force: true })]);
    expect(first).toBe(second);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("ends the session when another tab signed out meanwhile", async () => {
    const { keeper, refresh } = start(issue(60));
    stored = null;
    await keeper.renew({ force: true });
    expect(refresh).not.toHaveBeenCalled();
    expect(ended.map((error) => error.code)).toEqual(["signed_out_elsewhere"]);
  });

  it("releases every timer and listener when disposed, and nothing fires afterwards", async () => {
    const { refresh } = start(issue(60));
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    dispose?.();
    dispose = undefined;
    expect(vi.getTimerCount()).toBe(0);
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
