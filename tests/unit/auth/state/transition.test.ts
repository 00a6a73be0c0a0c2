import { describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/auth/AuthError";
import type { AuthState } from "../../../../src/auth/AuthState";
import type { AuthEvent } from "../../../../src/auth/state/AuthEvent";
import { transition } from "../../../../src/auth/state/transition";
import { createTestUser } from "../fakeUserManager";

const user = createTestUser(600);
const renewed = createTestUser(600);
renewed.access_token = "renewed-access-token";

const renewalFailed = new AuthError("renewSilent", "server_unreachable", "Valet could not reach the server.");
const callbackRefused = new AuthError("signinCallback", "access_denied", "Access was denied.");
const sessionEnded = new AuthError("renewSilent", "session_ended", "Your session has ended.");
const unreadable = new AuthError("loadUser", "server_refused", "The stored session could not be read.");
const unreachable = new AuthError(
  "signoutRedirect",
  "server_unreachable",
  "Valet could not reach the server.",
);

const loading: AuthState = { user: null, status: "loading", error: null };
const signedIn: AuthState = { user, status: "signedIn", error: null };
const signedInRenewalFailing: AuthState = { user, status: "signedIn", error: renewalFailed };
const signedInCallbackFailed: AuthState = { user, status: "signedIn", error: callbackRefused };
const signedOut: AuthState = { user: null, status: "signedOut", error: null };
const signedOutWithError: AuthState = { user: null, status: "signedOut", error: callbackRefused };
const signingIn: AuthState = { user: null, status: "signingIn", error: null };
const signingOut: AuthState = { user, status: "signingOut", error: null };
const signingOutRemoved: AuthState = { user: null, status: "signingOut", error: null };

/** `"unchanged"`: the very same state comes back, so nothing is written and nothing re-runs. */
type Row = [label: string, from: AuthState, event: AuthEvent, to: AuthState | "unchanged"];

const table: Row[] = [
  // Start-up
  ["loading + a usable stored user", loading, { type: "restored", user }, signedIn],
  ["loading + nothing usable stored", loading, { type: "restored", user: null }, signedOut],
  [
    "signed in (by a callback) + a late start-up read",
    signedIn,
    { type: "restored", user: null },
    "unchanged",
  ],
  [
    "loading + the store cannot be read",
    loading,
    { type: "restoreFailed", error: unreadable },
    { user: null, status: "signedOut", error: unreadable },
  ],
  [
    "signed in + a late start-up failure",
    signedIn,
    { type: "restoreFailed", error: unreadable },
    "unchanged",
  ],

  // The user manager's events
  ["loading + user loaded", loading, { type: "userLoaded", user }, signedIn],
  ["signed out with an error + user loaded", signedOutWithError, { type: "userLoaded", user }, signedIn],
  [
    "signed in + user loaded (renewal)",
    signedInRenewalFailing,
    { type: "userLoaded", user: renewed },
    { user: renewed, status: "signedIn", error: null },
  ],
  [
    "signing out + user loaded (a renewal finishing late)",
    signingOut,
    { type: "userLoaded", user },
    "unchanged",
  ],
  ["signed in + user unloaded", signedIn, { type: "userUnloaded" }, signedOut],
  [
    "signed in with an error + user unloaded keeps the error",
    signedInCallbackFailed,
    { type: "userUnloaded" },
    signedOutWithError,
  ],
  ["signing out + user unloaded stays signing out", signingOut, { type: "userUnloaded" }, signingOutRemoved],

  // The session keeper
  [
    "signed in + renewed keeps the keeper's error",
    signedInRenewalFailing,
    { type: "renewed", user: renewed },
    { user: renewed, status: "signedIn", error: renewalFailed },
  ],
  ["signing out + renewed (late)", signingOut, { type: "renewed", user: renewed }, "unchanged"],
  [
    "signed in + renewal failure reported",
    signedIn,
    { type: "renewalReported", error: renewalFailed },
    signedInRenewalFailing,
  ],
  [
    "signed in + renewal recovered",
    signedInRenewalFailing,
    { type: "renewalReported", error: null },
    signedIn,
  ],
  [
    "signed in + renewal recovered keeps an error from elsewhere",
    signedInCallbackFailed,
    { type: "renewalReported", error: null },
    "unchanged",
  ],
  [
    "signing out + renewal failure reported",
    signingOut,
    { type: "renewalReported", error: renewalFailed },
    "unchanged",
  ],
  [
    "signed in + session ended",
    signedIn,
    { type: "sessionEnded", error: sessionEnded },
    { user: null, status: "signedOut", error: sessionEnded },
  ],
  ["signing out + session ended", signingOut, { type: "sessionEnded", error: sessionEnded }, "unchanged"],

  // Other tabs
  ["signed out + another tab signed in", signedOutWithError, { type: "otherTabStored", user }, signedIn],
  [
    "signed in + another tab renewed",
    signedIn,
    { type: "otherTabStored", user: renewed },
    { user: renewed, status: "signedIn", error: null },
  ],
  [
    "signed in + another tab stored the same token",
    signedInCallbackFailed,
    { type: "otherTabStored", user },
    "unchanged",
  ],
  [
    "signed in + another tab signed out",
    signedIn,
    { type: "otherTabStored", user: null },
    {
      user: null,
      status: "signedOut",
      error: expect.objectContaining({ source: "tabSync", code: "signed_out_elsewhere" }) as AuthError,
    },
  ],
  ["signed out + another tab signed out", signedOut, { type: "otherTabStored", user: null }, "unchanged"],
  ["signing out + another tab signed out", signingOut, { type: "otherTabStored", user: null }, "unchanged"],
  ["signing out + another tab signed in", signingOutRemoved, { type: "otherTabStored", user }, "unchanged"],

  // Signing in
  ["signed out with an error + sign-in started", signedOutWithError, { type: "signInStarted" }, signingIn],
  [
    "signing in + sign-in failed",
    signingIn,
    { type: "signInFailed", error: callbackRefused },
    signedOutWithError,
  ],
  [
    "signed in + sign-in failed stays signed in",
    signedIn,
    { type: "signInFailed", error: callbackRefused },
    signedInCallbackFailed,
  ],
  ["signing out + sign-in started", signingOut, { type: "signInStarted" }, "unchanged"],

  // Signing out
  [
    "signed in with an error + sign-out started",
    signedInRenewalFailing,
    { type: "signOutStarted" },
    signingOut,
  ],
  ["loading + sign-out started (idle limit passed)", loading, { type: "signOutStarted" }, signingOutRemoved],
  ["signing out + sign-out started", signingOut, { type: "signOutStarted" }, "unchanged"],
  [
    "signing out + sign-out failed",
    signingOutRemoved,
    { type: "signOutFailed", error: unreachable },
    { user: null, status: "signedOut", error: unreachable },
  ],

  // The person dismisses the error
  ["signed out with an error + error cleared", signedOutWithError, { type: "errorCleared" }, signedOut],
  ["signed out + error cleared", signedOut, { type: "errorCleared" }, "unchanged"],
];

describe("transition", () => {
  it.each(table)("%s", (_label, from, event, to) => {
    const next = transition(from, event);
    if (to === "unchanged") expect(next).toBe(from);
    else expect(next).toEqual(to);
  });

  it("never changes the state it is given", () => {
    const from = { ...signedIn };
    transition(from, { type: "signOutStarted" });
    expect(from).toEqual(signedIn);
  });
});
