import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import type { User } from "oidc-client-ts";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthContext } from "../../../src/auth";
import SessionPage from "../../../src/pages/SessionPage";
import { createFakeAuth } from "../helpers";

function fakeUser(expiresInSeconds: number, accessToken: string): User {
  return {
    access_token: accessToken,
    refresh_token: "refresh-secret",
    id_token: "id-secret",
    scope: "openid api offline_access",
    expires_at: Math.floor(Date.now() / 1000) + expiresInSeconds,
    profile: { sub: "u1", name: "Dana Demo", iss: "https://iam.example", aud: "valet", exp: 0, iat: 0 },
  } as unknown as User;
}

function renderSession(renew: () => Promise<string | undefined>) {
  const [user, setUser] = createSignal<User | null>(fakeUser(125, "access-secret-1"));
  const [renewal, setRenewal] = createSignal<"idle" | "renewing">("idle");
  const auth = createFakeAuth({
    state: {
      get user() {
        return user();
      },
      status: "signedIn",
      error: null,
    },
    renewal,
    renew: async () => {
      setRenewal("renewing");
      try {
        return await renew();
      } finally {
        setRenewal("idle");
      }
    },
  });
  render(() => (
    <AuthContext.Provider value={auth}>
      <MemoryRouter>
        <Route path="/" component={SessionPage} />
      </MemoryRouter>
    </AuthContext.Provider>
  ));
  return { auth, setUser };
}

describe("SessionPage", () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it("counts down to the access token's expiry", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    renderSession(() => Promise.resolve(undefined));
    const timer = await screen.findByTestId("expires-in");
    expect(timer.textContent).toBe("2:05");
    vi.advanceTimersByTime(3000);
    expect(timer.textContent).toBe("2:02");
    expect(screen.getByText("offline_access")).toBeTruthy();
    expect(screen.getByTestId("session-name").textContent).toBe("Dana Demo");
  });

  it("hides every token until asked, and hides them again", async () => {
    renderSession(() => Promise.resolve(undefined));
    await screen.findByTestId("expires-in");
    expect(document.body.textContent).not.toContain("secret");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Reveal tokens" }));
    expect(screen.getByTestId("access-token").textContent).toBe("access-secret-1");
    expect(screen.getByTestId("refresh-token").textContent).toBe("refresh-secret");
    await user.click(screen.getByRole("button", { name: "Hide tokens" }));
    expect(document.body.textContent).not.toContain("secret");
  });

  it("renews on demand, forced, showing the renewal in progress and then its result", async () => {
    let finish!: (token: string | undefined) => void;
    const { auth, setUser } = renderSession(() => new Promise((resolve) => (finish = resolve)));
    const state = await screen.findByTestId("renewal-state");
    expect(state.textContent).toBe("idle");
    await userEvent.setup().click(screen.getByRole("button", { name: "Renew now" }));
    expect(state.textContent).toBe("renewing");
    expect((screen.getByRole("button", { name: "Renew now" }) as HTMLButtonElement).disabled).toBe(true);
    setUser(fakeUser(3600, "access-secret-2"));
    finish("access-secret-2");
    await expect.poll(() => state.textContent).toMatch(/^idle \(renewed at /);
    // About an hour again (the page's clock ticks once a second, so it may be a second either way).
    expect(screen.getByTestId("expires-in").textContent).toMatch(/^(59:5\d|1:00:0\d)$/);
    expect(auth.renew).toHaveBeenCalledWith({ force: true });
  });

  it("shows the renewal's time with a format it made with the page, not one made while the person waits", async () => {
    const { setUser } = renderSession(async () => "access-secret-2");
    const state = await screen.findByTestId("renewal-state");
    const formats = vi.spyOn(Intl, "DateTimeFormat");
    const localeTime = vi.spyOn(Date.prototype, "toLocaleTimeString");
    try {
      await userEvent.setup().click(screen.getByRole("button", { name: "Renew now" }));
      setUser(fakeUser(3600, "access-secret-2"));
      await expect.poll(() => state.textContent).toMatch(/^idle \(renewed at \d{1,2}:\d{2}:\d{2}/);
      expect(formats).not.toHaveBeenCalled();
      expect(localeTime).not.toHaveBeenCalled();
    } finally {
      formats.mockRestore();
      localeTime.mockRestore();
    }
  });
});
