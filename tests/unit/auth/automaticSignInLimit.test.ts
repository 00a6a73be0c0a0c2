import { InMemoryWebStorage } from "oidc-client-ts";
import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuth, type Auth } from "../../../src/auth/createAuth";
import { settle } from "../helpers";
import { createTestUser, createTestUserManager } from "./fakeUserManager";

describe("createAuth: automatic sign-in stops looping", () => {
  let dispose: (() => void) | undefined;

  /**
   * One page load: a fresh auth around the same tab's session storage, where the automatic attempts are counted
   * (a loop is the sign-in page sending the browser back signed out, again and again).
   */
  async function load(attemptStore: Storage, userManager = createTestUserManager()) {
    dispose?.();
    let auth!: Auth;
    createRoot((disposeRoot) => {
      dispose = disposeRoot;
      auth = createAuth({ userManager, basePath: "/", attemptStore });
    });
    await settle();
    return { auth, userManager };
  }

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it("leaves for the sign-in page automatically three times within a minute, then stops and explains", async () => {
    const tab = new InMemoryWebStorage();
    for (let visit = 1; visit <= 3; visit++) {
      const { auth, userManager } = await load(tab);
      await auth.signIn("/assets", { automatic: true });
      expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(5_000);
    }
    const { auth, userManager } = await load(tab);
    await auth.signIn("/assets", { automatic: true });
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
    expect(auth.state.status).toBe("signedOut");
    expect(auth.state.error).toMatchObject({ source: "signinRedirect", code: "sign_in_loop" });
  });

  it("tries automatically again once the minute since the first attempt has passed", async () => {
    const tab = new InMemoryWebStorage();
    for (let visit = 1; visit <= 3; visit++) {
      const { auth } = await load(tab);
      await auth.signIn("/assets", { automatic: true });
    }
    vi.advanceTimersByTime(60_000);
    const { auth, userManager } = await load(tab);
    await auth.signIn("/assets", { automatic: true });
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
    expect(auth.state.error).toBeNull();
  });

  it("never holds back a sign-in the person asked for", async () => {
    const tab = new InMemoryWebStorage();
    for (let visit = 1; visit <= 3; visit++) {
      const { auth } = await load(tab);
      await auth.signIn("/assets", { automatic: true });
    }
    const { auth, userManager } = await load(tab);
    await auth.signIn("/assets");
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it("starts counting afresh after a sign-in completes", async () => {
    const tab = new InMemoryWebStorage();
    for (let visit = 1; visit <= 3; visit++) {
      const { auth } = await load(tab);
      await auth.signIn("/assets", { automatic: true });
    }
    const callback = createTestUserManager();
    vi.spyOn(callback, "signinCallback").mockResolvedValue(
      createTestUser(600, { state: { returnTo: "/assets" } }),
    );
    const signedIn = await load(tab, callback);
    await signedIn.auth.completeSignIn("https://valet.example/callback?code=c&state=s");

    const { auth, userManager } = await load(tab);
    await auth.signIn("/assets", { automatic: true });
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
  });
});
