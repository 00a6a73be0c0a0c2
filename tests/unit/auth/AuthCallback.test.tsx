import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, waitFor, within } from "@solidjs/testing-library";
import { createStore } from "solid-js/store";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthCallback } from "../../../src/auth/AuthCallback";
import { AuthContext } from "../../../src/auth/AuthContext";
import type { Auth } from "../../../src/auth/createAuth";
import type { AuthStatus } from "../../../src/auth/AuthState";

/** The parts of Auth the callback page reads: a sign-in that completes with `returnTo`, already signed in. */
function completingAuth(returnTo: string) {
  const signIn = vi.fn(() => Promise.resolve());
  const auth = {
    state: { status: "signedIn", error: null, user: null },
    completeSignIn: vi.fn(() => Promise.resolve(returnTo)),
    isAuthenticated: () => true,
    signIn,
  } as unknown as Auth;
  return { auth, signIn };
}

function renderCallback(auth: Auth) {
  const history = createMemoryHistory();
  history.set({ value: "/callback" });
  const { container } = render(() => (
    <AuthContext.Provider value={auth}>
      <MemoryRouter history={history}>
        <Route path="/callback" component={AuthCallback} />
        <Route path="/" component={() => <h1>Start</h1>} />
        <Route path="/assets" component={() => <h1>Library</h1>} />
      </MemoryRouter>
    </AuthContext.Provider>
  ));
  // Queries stay inside this render: another file's leftovers in the shared document must not answer for it.
  return { history, view: within(container) };
}

describe("AuthCallback", () => {
  let before: string;
  beforeEach(() => {
    before = window.location.href;
    // The page reads the response from the address bar, as after the server's redirect.
    window.history.replaceState(null, "", "/callback?code=c-1&state=s-1&iss=https%3A%2F%2Flogin.example");
  });
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, "", before);
  });

  it("goes on to the saved page once the sign-in completes", async () => {
    const { auth } = completingAuth("/assets");
    const { history, view } = renderCallback(auth);
    expect(await view.findByRole("heading", { name: "Library" })).toBeTruthy();
    // The router writes history once its transition settles, a moment after the page shows.
    await waitFor(() => expect(history.get()).toBe("/assets"));
    expect(window.location.search).toBe("");
  });

  it("completes the sign-in and goes on once, however often the status changes meanwhile", async () => {
    // The exchange moves the status on itself: read at start-up, then signing in, then signed in.
    const [state, setState] = createStore({ status: "loading" as AuthStatus, error: null, user: null });
    const completeSignIn = vi.fn(
      () => new Promise<string>((resolve) => setTimeout(() => resolve("/assets"), 10)),
    );
    const auth = { state, completeSignIn, isAuthenticated: () => true, signIn: vi.fn() } as unknown as Auth;
    const { history, view } = renderCallback(auth);
    setState("status", "signedOut");
    setState("status", "signingIn");
    setState("status", "signedIn");
    expect(await view.findByRole("heading", { name: "Library" })).toBeTruthy();
    await waitFor(() => expect(history.get()).toBe("/assets"));
    expect(completeSignIn).toHaveBeenCalledTimes(1);
  });

  it("does not hang on 'Completing sign-in…' when the router refuses the path: it goes to the start page", async () => {
    // "//evil.example" is what "/.//evil.example" resolves to; the router throws on it rather than navigating.
    const { auth } = completingAuth("//evil.example");
    const { history, view } = renderCallback(auth);
    expect(await view.findByRole("heading", { name: "Start" })).toBeTruthy();
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(view.queryByText("Completing sign-in…")).toBeNull();
  });
});
