import { createComputed, createRoot } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import { createAuthStore } from "../../../../src/auth/state/createAuthStore";
import { createTestUser } from "../fakeUserManager";

describe("createAuthStore", () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    dispose = undefined;
  });

  it("starts loading and changes only through events", () => {
    const [state, dispatch] = createRoot((disposeRoot) => {
      dispose = disposeRoot;
      return createAuthStore();
    });
    expect(state).toEqual({ user: null, status: "loading", error: null });
    const user = createTestUser(600);
    dispatch({ type: "restored", user });
    expect(state.status).toBe("signedIn");
    // The User is kept whole, not wrapped: its methods and getters still work.
    expect(state.user).toBe(user);
  });

  it("wakes no one for an event that changes nothing", () => {
    const statuses: string[] = [];
    const dispatch = createRoot((disposeRoot) => {
      dispose = disposeRoot;
      const [state, dispatchEvent] = createAuthStore();
      createComputed(() => statuses.push(`${state.status}:${state.error?.code ?? "-"}`));
      return dispatchEvent;
    });
    dispatch({ type: "restored", user: null });
    dispatch({ type: "errorCleared" });
    dispatch({ type: "otherTabStored", user: null });
    expect(statuses).toEqual(["loading:-", "signedOut:-"]);
  });

  it("does not make an effect that dispatches depend on the state", () => {
    let runs = 0;
    const dispatch = createRoot((disposeRoot) => {
      dispose = disposeRoot;
      const [, dispatchEvent] = createAuthStore();
      createComputed(() => {
        runs += 1;
        dispatchEvent({ type: "errorCleared" });
      });
      return dispatchEvent;
    });
    dispatch({ type: "restored", user: createTestUser(600) });
    expect(runs).toBe(1);
  });
});
