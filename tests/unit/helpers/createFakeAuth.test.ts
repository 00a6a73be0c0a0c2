import type { User } from "oidc-client-ts";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { createTestUser } from "../auth/fakeUserManager";
import { createFakeAuth } from "./createFakeAuth";

describe("createFakeAuth", () => {
  it("is signed out by default, and its methods are mocks that resolve quietly", async () => {
    const auth = createFakeAuth();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.isAuthenticated()).toBe(false);
    await auth.signIn("/assets");
    expect(auth.signIn).toHaveBeenCalledWith("/assets");
  });

  it("turns the methods a test gives into mocks that answer as given", async () => {
    const auth = createFakeAuth({ signInWithPassword: async () => "/assets" });
    await expect(auth.signInWithPassword("dana", "secret")).resolves.toBe("/assets");
    expect(auth.signInWithPassword).toHaveBeenCalledWith("dana", "secret");
  });

  it("reads the state the test passes at each call, so getters over signals stay live", () => {
    const [user, setUser] = createSignal<User | null>(null);
    const auth = createFakeAuth({
      state: {
        get user() {
          return user();
        },
        status: "signedIn",
        error: null,
      },
    });
    expect(auth.isAuthenticated()).toBe(false);
    setUser(createTestUser(600));
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.getAccessToken()).toBe("access-token");
  });
});
