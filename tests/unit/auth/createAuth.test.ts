import { ErrorResponse } from "oidc-client-ts";
import { createComputed, createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuth, type Auth, type CreateAuthOptions } from "../../../src/auth/createAuth";
import { passwordSessionProfile } from "../../../src/auth/session/passwordSession";
import { settle } from "../helpers";
import { createTestUser, createTestUserManager } from "./fakeUserManager";

describe("createAuth", () => {
  let dispose: (() => void) | undefined;
  const start = (userManager = createTestUserManager(), options: Partial<CreateAuthOptions> = {}) => {
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({ userManager, basePath: "/", ...options });
    });
    return { auth, userManager };
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it("starts loading, then is signed out when nothing is stored", async () => {
    const { auth } = start();
    expect(auth.state.status).toBe("loading");
    await settle();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.getAccessToken()).toBeUndefined();
  });

  it("is signed in with a stored, unexpired user", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    const { auth } = start(userManager);
    await settle();
    expect(auth.state.status).toBe("signedIn");
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.getAccessToken()).toBe("access-token");
  });

  it("turns isAuthenticated false when the access token expires, with no event", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(120));
    const { auth } = start(userManager);
    await settle();
    const seen: boolean[] = [];
    // Records every value the reactive graph sees, as a page bound to isAuthenticated() would.
    const disposeWatcher = createRoot((disposeRoot) => {
      createComputed(() => seen.push(auth.isAuthenticated()));
      return disposeRoot;
    });
    await settle();
    expect(auth.isAuthenticated()).toBe(true);
    vi.advanceTimersByTime(119_000);
    expect(auth.isAuthenticated()).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.getAccessToken()).toBeUndefined();
    expect(seen).toEqual([true, false]);
    disposeWatcher();
  });

  it("follows the user manager's events", async () => {
    const { auth, userManager } = start();
    await settle();
    await userManager.events.load(createTestUser(600));
    expect(auth.state.status).toBe("signedIn");
    expect(auth.state.user?.profile.name).toBe("Dana Demo");
    await userManager.events.unload();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.state.user).toBeNull();
  });

  it("signs in with a fresh nonce and the return path in the state", async () => {
    const { auth, userManager } = start();
    await settle();
    await auth.signIn("/assets?search=beach");
    await auth.signIn("/profile");
    const calls = vi.mocked(userManager.signinRedirect).mock.calls;
    const first = calls[0]?.[0];
    expect(first?.nonce).toMatch(/^[0-9a-f]{64}$/);
    // The nonce also travels in the state, so the id_token can be checked against it at the callback.
    expect(first?.state).toEqual({ returnTo: "/assets?search=beach", nonce: first?.nonce });
    expect(calls[1]?.[0]?.nonce).not.toBe(calls[0]?.[0]?.nonce);
  });

  it("never round-trips an unsafe return path", async () => {
    const { auth, userManager } = start();
    await settle();
    await auth.signIn("https://evil.example/");
    expect(vi.mocked(userManager.signinRedirect).mock.calls[0]?.[0]?.state).toMatchObject({ returnTo: "/" });
  });

  it("reports a sign-in that cannot reach the server, and does not stay signing in", async () => {
    const { auth, userManager } = start();
    await settle();
    vi.mocked(userManager.signinRedirect).mockRejectedValue(new TypeError("Failed to fetch"));
    await auth.signIn("/assets");
    expect(auth.state.status).toBe("signedOut");
    expect(auth.state.error).toMatchObject({ source: "signinRedirect", code: "server_unreachable" });
  });

  it("completes a callback once, even when asked twice, and returns the saved path", async () => {
    const { auth, userManager } = start();
    await settle();
    const callback = vi
      .spyOn(userManager, "signinCallback")
      .mockResolvedValue(createTestUser(600, { state: { returnTo: "/assets?search=beach" } }));
    const url = "https://valet.example/callback?code=c&state=s";
    const [first, second] = await Promise.all([auth.completeSignIn(url), auth.completeSignIn(url)]);
    expect(first).toBe("/assets?search=beach");
    expect(second).toBe(first);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(auth.state.status).toBe("signedIn");
  });

  it("sends a tampered return path home after the callback", async () => {
    const { auth, userManager } = start();
    await settle();
    vi.spyOn(userManager, "signinCallback").mockResolvedValue(
      createTestUser(600, { state: { returnTo: "//evil.example" } }),
    );
    await expect(auth.completeSignIn("https://valet.example/callback?code=c&state=s")).resolves.toBe("/");
  });

  it("turns a refused callback into a tagged error and stores nothing", async () => {
    const { auth, userManager } = start();
    await settle();
    vi.spyOn(userManager, "signinCallback").mockRejectedValue(
      new ErrorResponse({ error: "access_denied", error_description: "<b>no</b>" }),
    );
    await expect(
      auth.completeSignIn("https://valet.example/callback?error=access_denied&state=s"),
    ).rejects.toMatchObject({
      source: "signinCallback",
      code: "access_denied",
    });
    expect(auth.state.user).toBeNull();
    expect(auth.state.error?.message).toContain("<b>no</b>");
  });

  it("names a spent or foreign callback plainly", async () => {
    const { auth, userManager } = start();
    await settle();
    vi.spyOn(userManager, "signinCallback").mockRejectedValue(
      new Error("No matching state found in storage"),
    );
    await expect(auth.completeSignIn("https://valet.example/callback?code=c&state=s")).rejects.toMatchObject({
      code: "callback_invalid",
    });
  });

  it("shares one renewal between concurrent callers", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600, { refresh_token: "rt-1" }));
    const { auth } = start(userManager);
    await settle();
    let finish!: (value: ReturnType<typeof createTestUser>) => void;
    const silent = vi
      .spyOn(userManager, "signinSilent")
      .mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const first = auth.renew();
    const second = auth.renew();
    finish(createTestUser(600));
    expect(await first).toBe("access-token");
    expect(await second).toBe("access-token");
    expect(silent).toHaveBeenCalledTimes(1);
  });

  it("signs out by revoking the refresh token, removing the user, then leaving with the id_token as id_token_hint", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    const order: string[] = [];
    vi.mocked(userManager.revokeTokens).mockImplementation(async () => void order.push("revoke"));
    vi.spyOn(userManager, "removeUser").mockImplementation(async () => {
      order.push("remove");
      await userManager.events.unload();
    });
    vi.mocked(userManager.signoutRedirect).mockImplementation(async (args) => {
      order.push(`redirect:${JSON.stringify(args ?? {})}`);
    });
    const leave = vi.fn();
    const { auth } = start(userManager, { leave });
    await settle();
    await auth.signOut();
    expect(order).toEqual(["revoke", "remove", 'redirect:{"id_token_hint":"header.payload.signature"}']);
    expect(leave).not.toHaveBeenCalled();
    // Still leaving: a guard must not start a sign-in in the moment between removal and the redirect.
    expect(auth.state.status).toBe("signingOut");
  });

  it("does not visit end session a second time when another tab signed out a moment ago", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValueOnce(createTestUser(600));
    const leave = vi.fn();
    const { auth } = start(userManager, { leave });
    await settle();
    expect(auth.state.status).toBe("signedIn");
    // The other tab removed the stored user; this tab's storage event has not arrived yet.
    vi.mocked(userManager.getUser).mockResolvedValue(null);
    await auth.signOut();
    expect(userManager.signoutRedirect).not.toHaveBeenCalled();
    expect(userManager.revokeTokens).not.toHaveBeenCalled();
    expect(leave).toHaveBeenCalledWith("https://valet.example/");
  });

  it("signs a password session out here only: revoke, clear, and back to the start page, with no end-session visit", async () => {
    const userManager = createTestUserManager();
    const passwordUser = createTestUser(600, { refresh_token: "rt" });
    passwordUser.id_token = undefined;
    passwordUser.profile = passwordSessionProfile({ id: "mv-7", userName: "dana", name: "Dana Demo" });
    vi.mocked(userManager.getUser).mockResolvedValue(passwordUser);
    const order: string[] = [];
    vi.mocked(userManager.revokeTokens).mockImplementation(async () => void order.push("revoke"));
    vi.spyOn(userManager, "removeUser").mockImplementation(async () => {
      order.push("remove");
      await userManager.events.unload();
    });
    const leave = vi.fn((url: string) => void order.push(`leave:${url}`));
    const { auth } = start(userManager, { leave });
    await settle();
    await auth.signOut();
    expect(order).toEqual(["revoke", "remove", "leave:https://valet.example/"]);
    expect(userManager.signoutRedirect).not.toHaveBeenCalled();
    expect(auth.state.status).toBe("signingOut");
  });

  it("clears the local session when sign-out cannot reach the server", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    const remove = vi.spyOn(userManager, "removeUser").mockResolvedValue();
    const { auth } = start(userManager);
    await settle();
    vi.mocked(userManager.signoutRedirect).mockRejectedValue(new TypeError("Failed to fetch"));
    await auth.signOut();
    expect(remove).toHaveBeenCalled();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.state.error).toMatchObject({ source: "signoutRedirect" });
  });

  it("clears what this tab kept for the person when they sign out in another tab", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    const { auth } = start(userManager);
    await settle();
    window.sessionStorage.setItem("valet.selection", '["a1"]');
    // Another tab removed the stored user: this tab hears of it through a storage event.
    vi.mocked(userManager.getUser).mockResolvedValue(null);
    window.dispatchEvent(new StorageEvent("storage", { key: "valet.user:https://login.example:valet" }));
    await settle();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.state.error?.code).toBe("signed_out_elsewhere");
    expect(window.sessionStorage.getItem("valet.selection")).toBeNull();
  });

  it("releases its timers and listeners when disposed", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(120));
    const { auth } = start(userManager);
    await settle();
    // The expiry clock and the sleep detector.
    expect(vi.getTimerCount()).toBe(2);
    dispose?.();
    dispose = undefined;
    expect(vi.getTimerCount()).toBe(0);
    await userManager.events.load(createTestUser(600, {}));
    // A disposed auth no longer follows the user manager.
    expect(auth.state.user?.expires_in).toBeLessThanOrEqual(120);
  });
});
