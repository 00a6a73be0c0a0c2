import { untrack } from "solid-js";
import { createStore } from "solid-js/store";
import type { AuthState } from "../AuthState";
import type { AuthEvent } from "./AuthEvent";
import { transition } from "./transition";

/** Reactive {@link AuthState}, and the one way to change it: an event, applied by {@link transition}. */
export function createAuthStore(): [state: AuthState, dispatch: (event: AuthEvent) => void] {
  const [state, setState] = createStore<{ -readonly [K in keyof AuthState]: AuthState[K] }>({
    user: null,
    status: "loading",
    error: null,
  });
  const dispatch = (event: AuthEvent) => {
    // Untracked: an effect that dispatches (a guard starting a sign-in) must not come to depend on the whole state.
    const next = untrack(() => transition(state, event));
    if (next !== state) setState({ user: next.user, status: next.status, error: next.error });
  };
  return [state, dispatch];
}
