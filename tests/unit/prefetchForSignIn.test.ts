import { createStore } from "solid-js/store";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuthStatus } from "../../src/auth/AuthState";
import { prefetchForSignIn } from "../../src/prefetchForSignIn";
import { prefetchSignInReturn } from "../../src/prefetchSignInReturn";

vi.mock("../../src/prefetchSignInReturn", () => ({ prefetchSignInReturn: vi.fn() }));

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
  beforeEach(() => {
    vi.mocked(prefetchSignInReturn).mockClear();
    idleTasks = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void) => idleTasks.push(task));
  });
  afterEach(() => vi.unstubAllGlobals());

  it("fetches the return's code once the page is idle, not before", () => {
    prefetchForSignIn(signedOutVisitor().auth, document);
    expect(prefetchSignInReturn).not.toHaveBeenCalled();

    idleTasks.forEach((task) => task());
    expect(prefetchSignInReturn).toHaveBeenCalledExactlyOnceWith(document);
  });

  it("fetches it at the latest when a sign-in starts, and not again when the page turns idle", () => {
    const visitor = signedOutVisitor();
    prefetchForSignIn(visitor.auth, document);

    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledExactlyOnceWith(document);
    idleTasks.forEach((task) => task());
    visitor.setStatus("signedOut");
    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
  });

  it("without idle callbacks (Safari, which has no prefetch either) waits for a sign-in", () => {
    vi.stubGlobal("requestIdleCallback", undefined);
    const visitor = signedOutVisitor();
    prefetchForSignIn(visitor.auth, document);
    expect(prefetchSignInReturn).not.toHaveBeenCalled();

    visitor.setStatus("signingIn");
    expect(prefetchSignInReturn).toHaveBeenCalledTimes(1);
  });
});
