import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import type { User } from "oidc-client-ts";
import { createComputed, createRoot } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AuthStatus } from "../../../src/auth/AuthState";
import { AuthProvider } from "../../../src/auth/AuthProvider";
import { createAuth, type Auth } from "../../../src/auth/createAuth";
import { RequireAuth } from "../../../src/auth/RequireAuth";
import { settle } from "../helpers";
import { createTestUserManager, issueTestUser } from "./fakeUserManager";

/**
 * A returning visitor whose access token expired while the browser was closed, with the refresh token still
 * stored. The token endpoint answers when the test says so (`answer`), so the state in between can be seen.
 */
function returningVisitor(options: { refreshToken?: string } = {}) {
  const userManager = createTestUserManager();
  let stored: User | null = issueTestUser(3600, options.refreshToken ?? "rt-1");
  stored.expires_at = Math.floor(Date.now() / 1000) - 30;
  vi.mocked(userManager.getUser).mockImplementation(async () => stored);
  vi.spyOn(userManager, "removeUser").mockImplementation(async () => void (stored = null));
  let answer!: () => Promise<void>;
  const refresh = vi.spyOn(userManager, "signinSilent").mockImplementation(
    () =>
      new Promise((resolve) => {
        answer = async () => {
          // As oidc-client-ts does after a refresh grant: store the user, announce it, hand it back.
          stored = issueTestUser(3600, "rt-2");
          await userManager.events.load(stored);
          resolve(stored);
        };
      }),
  );
  return { userManager, refresh, answer: () => answer() };
}

describe("Start-up with an expired access token and a refresh token", () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    cleanup();
  });

  it("renews with the refresh token, and is never signed out or signing in meanwhile", async () => {
    const { userManager, refresh, answer } = returningVisitor();
    const statuses: AuthStatus[] = [];
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({ userManager, basePath: "/" });
      createComputed(() => statuses.push(auth.state.status));
    });
    await settle();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(auth.isAuthenticated()).toBe(false);

    await answer();
    await settle();
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.getAccessToken()).toBe((await userManager.getUser())?.access_token);
    expect(statuses).toEqual(["loading", "signedIn"]);
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
    expect(userManager.removeUser).not.toHaveBeenCalled();
  });

  it("a guarded page says it is renewing, then shows itself, without leaving for the sign-in page", async () => {
    const { userManager, refresh, answer } = returningVisitor();
    const history = createMemoryHistory();
    history.set({ value: "/assets" });
    render(() => (
      <AuthProvider userManager={userManager} basePath="/">
        <MemoryRouter history={history}>
          <Route
            path="/assets"
            component={() => (
              <RequireAuth>
                <h1>Library</h1>
              </RequireAuth>
            )}
          />
        </MemoryRouter>
      </AuthProvider>
    ));
    expect(await screen.findByText("Renewing your session…")).toBeTruthy();
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    await answer();
    expect(await screen.findByRole("heading", { name: "Library" })).toBeTruthy();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it("without a refresh token, forgets the expired session and is signed out", async () => {
    const { userManager, refresh } = returningVisitor({ refreshToken: "" });
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({ userManager, basePath: "/" });
    });
    await settle();
    expect(auth.state.status).toBe("signedOut");
    expect(refresh).not.toHaveBeenCalled();
    expect(await userManager.getUser()).toBeNull();
  });
});
