import { MemoryRouter, Route, createMemoryHistory } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthContext, AuthError, type Auth } from "../../../src/auth";
import LandingPage from "../../../src/pages/LandingPage";
import PasswordSignIn from "../../../src/pages/PasswordSignIn";
import { createFakeAuth } from "../helpers";

/** Signed out, with the password sign-in answering as `signInWithPassword` does. */
function fakeAuth(signInWithPassword: Auth["signInWithPassword"]) {
  return createFakeAuth({ signInWithPassword });
}

function renderAt(auth: Auth, page: () => ReturnType<typeof PasswordSignIn>) {
  const history = createMemoryHistory();
  history.set({ value: "/" });
  render(() => (
    <AuthContext.Provider value={auth}>
      <MemoryRouter history={history}>
        <Route path="/" component={page} />
        <Route path="/assets" component={() => <h1>Library</h1>} />
      </MemoryRouter>
    </AuthContext.Provider>
  ));
  return history;
}

async function signInWith(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Username"), username);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in with password" }));
}

describe("PasswordSignIn", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("says the password goes through Valet and recommends the Sign in button", () => {
    renderAt(
      fakeAuth(() => Promise.resolve("/assets")),
      () => <PasswordSignIn returnTo="/assets" />,
    );

    const notice = screen.getByText(/sends your password through Valet/);
    expect(notice.textContent).toMatch(/prefer the Sign in button/);
  });

  it("signs in with the typed credentials and goes where the auth binding says", async () => {
    // The router scrolls to the top on navigation, which jsdom does not implement.
    vi.spyOn(window, "scrollTo").mockImplementation(() => {});
    const auth = fakeAuth(() => Promise.resolve("/assets"));
    const history = renderAt(auth, () => <PasswordSignIn returnTo="/assets?search=beach" />);

    await signInWith("demo", "demo");

    expect(auth.signInWithPassword).toHaveBeenCalledWith("demo", "demo", "/assets?search=beach");
    await screen.findByRole("heading", { name: "Library" });
    expect(history.get()).toBe("/assets");
  });

  it("shows the binding's error in an alert and stays on the page", async () => {
    const auth = fakeAuth(() =>
      Promise.reject(
        new AuthError(
          "signinPassword",
          "password_sign_in_refused",
          "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
        ),
      ),
    );
    const history = renderAt(auth, () => <PasswordSignIn returnTo="/assets" />);

    await signInWith("demo", "demo");

    expect((await screen.findByRole("alert")).textContent).toBe(
      "The sign-in server does not allow password sign-in for Valet. Use the Sign in button instead.",
    );
    expect(history.get()).toBe("/");
  });
});

describe("LandingPage", () => {
  afterEach(cleanup);

  it("offers no password form unless the deployment turns it on", async () => {
    renderAt(
      fakeAuth(() => Promise.resolve("/assets")),
      () => <LandingPage />,
    );

    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByLabelText("Password")).toBeNull();
    expect(screen.getByText(/Valet never sees it/).textContent).not.toMatch(/With the Sign in button/);
  });

  it("offers the password form beside the Sign in button when it is on", async () => {
    renderAt(
      fakeAuth(() => Promise.resolve("/assets")),
      () => <LandingPage passwordSignIn />,
    );

    expect(await screen.findByLabelText("Password")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    // The page no longer promises that Valet never sees the password: with this form, it does.
    expect(screen.getByText(/Valet never sees it/).textContent).toMatch(/With the Sign in button/);
  });
});
