import type { User } from "oidc-client-ts";
import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuth, type Auth } from "../../../src/auth/createAuth";
import { createSignOutGate } from "../../../src/auth/session/createSignOutGate";
import { settle } from "../helpers";
import { createTestUser, createTestUserManager, issueTestUser } from "./fakeUserManager";

const IDLE_MINUTES = 15;
const minutesAgo = (minutes: number) => String(Date.now() - minutes * 60_000);

/**
 * A returning visitor: the browser was closed with a session stored, and the shared record of the last activity
 * (written by the tabs while they were open) says when anyone last did something.
 */
function returningVisitor(stored: User) {
  const userManager = createTestUserManager();
  let current: User | null = stored;
  vi.mocked(userManager.getUser).mockImplementation(async () => current);
  vi.spyOn(userManager, "removeUser").mockImplementation(async () => void (current = null));
  const refresh = vi.spyOn(userManager, "signinSilent").mockImplementation(async () => {
    current = issueTestUser(3600, "rt-2");
    return current;
  });
  return { userManager, refresh };
}

describe("Idle sign-out across a closed browser", () => {
  let dispose: (() => void) | undefined;
  const start = (userManager: ReturnType<typeof createTestUserManager>) => {
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({
        userManager,
        basePath: "/",
        idleSignOutMinutes: IDLE_MINUTES,
        leave: vi.fn(),
        signOutGate: createSignOutGate("valet.signout:test", undefined),
      });
    });
    return auth;
  };

  beforeEach(() => localStorage.clear());
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    localStorage.clear();
  });

  it("signs out (revoking the refresh token) instead of renewing, when the idle limit passed while it was closed", async () => {
    localStorage.setItem("valet.lastActivity", minutesAgo(IDLE_MINUTES + 30));
    const expired = issueTestUser(3600, "rt-1");
    expired.expires_at = Math.floor(Date.now() / 1000) - 60;
    const { userManager, refresh } = returningVisitor(expired);

    const auth = start(userManager);

    await vi.waitFor(() => expect(userManager.signoutRedirect).toHaveBeenCalledTimes(1));
    expect(refresh).not.toHaveBeenCalled();
    expect(userManager.revokeTokens).toHaveBeenCalledWith(["refresh_token"]);
    expect(userManager.removeUser).toHaveBeenCalled();
    expect(auth.isAuthenticated()).toBe(false);
  });

  it("signs out a still-valid session too, rather than showing it", async () => {
    localStorage.setItem("valet.lastActivity", minutesAgo(IDLE_MINUTES + 1));
    const { userManager } = returningVisitor(createTestUser(3000, { refresh_token: "rt-1" }));

    const auth = start(userManager);

    await vi.waitFor(() => expect(userManager.signoutRedirect).toHaveBeenCalledTimes(1));
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.state.status).toBe("signingOut");
  });

  it("resumes the session when someone was active within the limit", async () => {
    localStorage.setItem("valet.lastActivity", minutesAgo(IDLE_MINUTES - 1));
    const { userManager } = returningVisitor(createTestUser(3000, { refresh_token: "rt-1" }));

    const auth = start(userManager);
    await settle();

    expect(auth.state.status).toBe("signedIn");
    expect(auth.isAuthenticated()).toBe(true);
    expect(userManager.signoutRedirect).not.toHaveBeenCalled();
    // The period starts again from now: the resumed session counts as activity.
    expect(Number(localStorage.getItem("valet.lastActivity"))).toBeGreaterThan(Date.now() - 1_000);
  });

  it("never holds an old record against a new sign-in", async () => {
    localStorage.setItem("valet.lastActivity", minutesAgo(24 * 60));
    const userManager = createTestUserManager();
    vi.spyOn(userManager, "signinCallback").mockResolvedValue(
      createTestUser(3000, { state: { returnTo: "/assets" } }),
    );
    const auth = start(userManager);
    await settle();

    await auth.completeSignIn("https://valet.example/callback?code=c&state=s");
    await settle();

    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.idle?.secondsLeft()).toBeNull();
    expect(userManager.signoutRedirect).not.toHaveBeenCalled();
    expect(userManager.revokeTokens).not.toHaveBeenCalled();
  });
});
