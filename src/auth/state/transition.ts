import { AuthError } from "../AuthError";
import type { AuthState } from "../AuthState";
import type { AuthEvent } from "./AuthEvent";

// While signing out, only the sign-out's own steps count: a renewal finishing late, a session handed over by another
// tab or a new sign-in must not bring the session back (or win the race against the sign-out redirect).
const DURING_SIGN_OUT = new Set<AuthEvent["type"]>(["userUnloaded", "signOutFailed", "errorCleared"]);

/**
 * The auth state after `event`: the one place where it changes. Pure; returns `state` itself when the event changes
 * nothing, so a caller can skip the write.
 */
export function transition(state: AuthState, event: AuthEvent): AuthState {
  if (state.status === "signingOut" && !DURING_SIGN_OUT.has(event.type)) return state;
  switch (event.type) {
    case "restored":
      // A callback or another tab may have settled the state while storage was read; theirs is newer.
      if (state.status !== "loading") return state;
      return event.user
        ? { user: event.user, status: "signedIn", error: state.error }
        : { user: null, status: "signedOut", error: state.error };
    case "restoreFailed":
      if (state.status !== "loading") return state;
      return { user: null, status: "signedOut", error: event.error };
    case "userLoaded":
      return { user: event.user, status: "signedIn", error: null };
    case "userUnloaded":
      return {
        user: null,
        status: state.status === "signingOut" ? "signingOut" : "signedOut",
        error: state.error,
      };
    case "renewed":
      return { user: event.user, status: "signedIn", error: state.error };
    case "renewalReported":
      if (event.error) return { ...state, error: event.error };
      // Recovery clears the keeper's own error only, never one from elsewhere that the person has yet to see.
      return state.error?.source === "renewSilent" ? { ...state, error: null } : state;
    case "sessionEnded":
      // The error comes with the sign-out: a guard that saw "signed out" with no error would start a sign-in on its
      // own, and the person would lose the chance to see why.
      return { user: null, status: "signedOut", error: event.error };
    case "otherTabStored":
      if (event.user) {
        if (event.user.access_token === state.user?.access_token) return state;
        return { user: event.user, status: "signedIn", error: null };
      }
      if (!state.user) return state;
      return {
        user: null,
        status: "signedOut",
        error: new AuthError("tabSync", "signed_out_elsewhere", "You signed out in another tab."),
      };
    case "signInStarted":
      return { ...state, status: "signingIn", error: null };
    case "signInFailed":
      return { ...state, status: state.user ? "signedIn" : "signedOut", error: event.error };
    case "signOutStarted":
      return { ...state, status: "signingOut", error: null };
    case "signOutFailed":
      return { user: null, status: "signedOut", error: event.error };
    case "errorCleared":
      return state.error ? { ...state, error: null } : state;
  }
}
