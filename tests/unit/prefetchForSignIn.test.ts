import { createStore } from "solid-js/store";
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import type { AuthStatus } from "../../src/auth/AuthState";
import { prefetchForSignIn } from "../../src/prefetchForSignIn";

function signedOutVisitor() {
  const [state, setState] = createStore<{ user: null; status: AuthStatus; error: null }>({
    user: null,
    status: "signedOut",
    error: null,
  });
  return { auth: { state }, setStatus: (status: AuthStatus) => setState("status", status) };
}

describe("prefetchForSignIn", () => {
  let idleTasks: (() => void)[];
  let prefetchSignInReturn: Mock<() => void>;
  beforeEach(() => {
    prefetchSignInReturn = vi.fn();
    idleTasks = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void) => idleTasks.push(task));
  });
  afterEach(() => vi.unstubAllGlobals());

  it("fetches the return's code once the page is idle, not before", () => {
    prefetchForSignIn(signedOutVisitor().auth, prefetchSignInReturn);
    expect(prefetchSignInReturn).not.toHaveBeenCalled();

    idleTasks.forEach((task) => task());
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
  });

  it("fetches it at the latest when a sign-in starts, and not again when the page turns idle", () => {
    const visitor = signedOutVisitor();
    prefetchForSignIn(visitor.auth, prefetchSignInReturn);

    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
    idleTasks.forEach((task) => task());
    visitor.setStatus("signedOut");
    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
  });

  it("fetches nothing at idle for someone signed in, who is not about to sign in", () => {
    const visitor = signedOutVisitor();
    visitor.setStatus("signedIn");
    prefetchForSignIn(visitor.auth, prefetchSignInReturn);
    idleTasks.forEach((task) => task());
    expect(prefetchSignInReturn).not.toHaveBeenCalled();
  });

  it("without idle callbacks (Safari, which has no prefetch either) waits for a sign-in", () => {
    vi.stubGlobal("requestIdleCallback", undefined);
    const visitor = signedOutVisitor();
    prefetchForSignIn(visitor.auth, prefetchSignInReturn);
    expect(prefetchSignInReturn).not.toHaveBeenCalled();

    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
  });
});
