import { InMemoryWebStorage } from "oidc-client-ts";
import { describe, expect, it, vi } from "vitest";
import type { AuthStatus } from "../../../../src/auth/AuthState";
import { createSignIn } from "../../../../src/auth/signIn/createSignIn";
import type { AuthEvent } from "../../../../src/auth/state/AuthEvent";
import { createTestUser, createTestUserManager } from "../fakeUserManager";

function setUp(status: AuthStatus = "signedOut", onCodeExchange?: () => void) {
  const userManager = createTestUserManager();
  const events: AuthEvent[] = [];
  const signIn = createSignIn({
    userManager,
    basePath: "/app/",
    dispatch: (event) => events.push(event),
    status: () => status,
    attemptStore: new InMemoryWebStorage(),
    now: Date.now,
    onCodeExchange,
  });
  return { userManager, events, signIn };
}

describe("createSignIn", () => {
  it("leaves for the sign-in page with a fresh nonce, kept in the state with the full path to return to", async () => {
    const { userManager, events, signIn } = setUp();
    await signIn.signIn("/assets?search=beach");
    const request = vi.mocked(userManager.signinRedirect).mock.calls[0]?.[0];
    expect(request?.state).toEqual({ returnTo: "/app/assets?search=beach", nonce: request?.nonce });
    expect(events).toEqual([{ type: "signInStarted" }]);
  });

  it("starts no sign-in while signing out", async () => {
    const { userManager, events, signIn } = setUp("signingOut");
    await signIn.signIn("/assets");
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it("holds back a fourth automatic sign-in within a minute, and says why", async () => {
    const { userManager, events, signIn } = setUp();
    for (let i = 0; i < 4; i++) await signIn.signIn("/assets", { automatic: true });
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(3);
    expect(events.at(-1)).toMatchObject({ type: "signInFailed", error: { code: "sign_in_loop" } });
  });

  it("completes a callback once however often it is asked, and goes on to the saved page under the base", async () => {
    const { userManager, events, signIn } = setUp();
    const user = createTestUser(600, { state: { returnTo: "/app/assets" } });
    const callback = vi.spyOn(userManager, "signinCallback").mockResolvedValue(user);
    const url = "https://valet.example/app/callback?code=c&state=s";
    expect(await Promise.all([signIn.completeSignIn(url), signIn.completeSignIn(url)])).toEqual([
      "/assets",
      "/assets",
    ]);
    expect(callback).toHaveBeenCalledTimes(1);
    // Signing in until the tokens are in, so nothing offers a second sign-in during the exchange.
    expect(events).toEqual([{ type: "signInStarted" }, { type: "userLoaded", user }]);
  });

  it("tells once that the code exchange has started, while its answer is still on its way", async () => {
    const onCodeExchange = vi.fn();
    const { userManager, signIn } = setUp("signedOut", onCodeExchange);
    let answer: (user: ReturnType<typeof createTestUser>) => void = () => {};
    const callback = vi
      .spyOn(userManager, "signinCallback")
      .mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const url = "https://valet.example/app/callback?code=c&state=s";
    const completion = signIn.completeSignIn(url);
    void signIn.completeSignIn(url);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(onCodeExchange).toHaveBeenCalledTimes(1);
    answer(createTestUser(600, { state: { returnTo: "/app/assets" } }));
    expect(await completion).toBe("/assets");
    expect(onCodeExchange).toHaveBeenCalledTimes(1);
  });

  it("turns a refused callback into a tagged error, in the state and to the caller", async () => {
    const { userManager, events, signIn } = setUp();
    vi.spyOn(userManager, "signinCallback").mockRejectedValue(
      new Error("No matching state found in storage"),
    );
    await expect(signIn.completeSignIn("https://valet.example/app/callback?state=s")).rejects.toMatchObject({
      source: "signinCallback",
      code: "callback_invalid",
    });
    expect(events).toMatchObject([
      { type: "signInStarted" },
      { type: "signInFailed", error: { code: "callback_invalid" } },
    ]);
  });

  it("signs in with a password and goes on to a safe path only", async () => {
    const { userManager, events, signIn } = setUp();
    const user = createTestUser(600);
    vi.spyOn(userManager, "signinResourceOwnerCredentials").mockResolvedValue(user);
    await expect(signIn.signInWithPassword("dana", "secret", "//evil.example")).resolves.toBe("/");
    expect(events).toEqual([{ type: "userLoaded", user }]);
  });
});
