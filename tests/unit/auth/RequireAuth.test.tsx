import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../../../src/auth/AuthContext";
import { AuthProvider } from "../../../src/auth/AuthProvider";
import { RequireAuth } from "../../../src/auth/RequireAuth";
import { createTestUser, createTestUserManager } from "./fakeUserManager";

function SignOutButton() {
  const auth = useAuth();
  return (
    <button type="button" onClick={() => void auth.signOut()}>
      Sign out
    </button>
  );
}

function renderGuarded(userManager = createTestUserManager(), path = "/assets?search=beach") {
  const history = createMemoryHistory();
  history.set({ value: path });
  return render(() => (
    <AuthProvider userManager={userManager} basePath="/">
      <MemoryRouter history={history}>
        <Route
          path="/assets"
          component={() => (
            <RequireAuth>
              <h1>Library</h1>
              <SignOutButton />
            </RequireAuth>
          )}
        />
      </MemoryRouter>
    </AuthProvider>
  ));
}

describe("RequireAuth", () => {
  afterEach(() => cleanup());

  it("sends a signed-out user to sign-in and back to exactly this page", async () => {
    const userManager = createTestUserManager();
    renderGuarded(userManager);
    expect(await screen.findByText("Taking you to sign in…")).toBeTruthy();
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
    expect(vi.mocked(userManager.signinRedirect).mock.calls[0]?.[0]?.state).toMatchObject({
      returnTo: "/assets?search=beach",
    });
    expect(screen.queryByRole("heading", { name: "Library" })).toBeNull();
  });

  it("shows the page to a signed-in user", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    renderGuarded(userManager);
    expect(await screen.findByRole("heading", { name: "Library" })).toBeTruthy();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it("explains a failed sign-in start and does not redirect in a loop", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.signinRedirect).mockRejectedValue(new TypeError("Failed to fetch"));
    renderGuarded(userManager);
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      "Valet could not reach the sign-in server. Check your connection, then try again.",
    );
    expect(screen.getByRole("button", { name: "Sign in again" })).toBeTruthy();
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it("says it is signing out, and starts no sign-in, once the session is removed and before the browser leaves", async () => {
    const userManager = createTestUserManager();
    vi.mocked(userManager.getUser).mockResolvedValue(createTestUser(600));
    vi.spyOn(userManager, "removeUser").mockImplementation(() => userManager.events.unload());
    vi.mocked(userManager.signoutRedirect).mockReturnValue(new Promise(() => undefined));
    renderGuarded(userManager);
    fireEvent.click(await screen.findByRole("button", { name: "Sign out" }));
    expect(await screen.findByText("Signing you out…")).toBeTruthy();
    await vi.waitFor(() => expect(userManager.signoutRedirect).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("heading", { name: "Library" })).toBeNull();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });
});
