import type { User } from "oidc-client-ts";
import { onCleanup, untrack } from "solid-js";
import type { Auth } from "./Auth";
import type { AuthClient } from "./AuthClient";
import { toAuthError } from "./AuthError";
import { createIdleSignOut, idleLimitPassed } from "./session/createIdleSignOut";
import { createRenewalLock, type RenewalLock } from "./session/createRenewalLock";
import { createSessionKeeper } from "./session/createSessionKeeper";
import { createSignOutGate, type SignOutGate } from "./session/createSignOutGate";
import { forgetSession } from "./session/forgetSession";
import { pageRefreshLedger } from "./session/pageRefreshLedger";
import { signOutSession } from "./session/signOutSession";
import { watchStoredUser } from "./session/watchStoredUser";
import { createSignIn } from "./signIn/createSignIn";
import { clearPersonalKeys } from "./storageKeys";
import { createAuthStore } from "./state/createAuthStore";
import { createExpiryClock } from "./state/createExpiryClock";

export type { Auth } from "./Auth";

export interface CreateAuthOptions {
  userManager: AuthClient;
  /** The app's base path, starting and ending with "/". */
  basePath: string;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Where automatic sign-in attempts are counted, to stop redirect loops; defaults to sessionStorage. */
  attemptStore?: Storage;
  /** Minutes without activity in any tab before signing out; off when absent or null. */
  idleSignOutMinutes?: number | null;
  /** Loads a page in place of the app (a password session's sign-out); injectable for tests. */
  leave?: (url: string) => void;
  /** Which tab leaves for the auth server when several sign out at once; injectable for tests. */
  signOutGate?: SignOutGate;
  /** Told when a sign-in response's code exchange has started (see createSignIn). */
  onCodeExchange?: () => void;
  /** The lock renewals run under; sign-out takes it too. Injectable for tests. */
  renewalLock?: RenewalLock;
}

/**
 * The reactive core of the auth binding: one per app, around the one UserManager. It wires the outside world to the
 * state (every change is an event for `transition`) and to the session's primitives. Must run inside a reactive
 * root; every listener and timer it creates is released when that root is disposed.
 * A little over 80 lines, as wiring: each piece is created once here and shared by what it returns; every step with
 * logic of its own lives in state/, session/ or signIn/.
 */
export function createAuth(options: CreateAuthOptions): Auth {
  const { userManager, basePath } = options;
  const now = options.now ?? Date.now;
  const [state, dispatch] = createAuthStore();
  const expired = createExpiryClock(() => state.user?.expires_at, now);
  const hasUser = () => state.user !== null;
  const isAuthenticated = () => hasUser() && !expired();
  const expiredNow = (user: User) => user.expires_at !== undefined && user.expires_at * 1000 <= now();
  const attemptStore = options.attemptStore ?? window.sessionStorage;
  const status = () => untrack(() => state.status);
  const idleMinutes = options.idleSignOutMinutes ?? undefined;
  const activity = { now, storage: window.localStorage };

  onCleanup(userManager.events.addUserLoaded((user) => dispatch({ type: "userLoaded", user })));
  onCleanup(userManager.events.addUserUnloaded(() => dispatch({ type: "userUnloaded" })));
  onCleanup(
    watchStoredUser(userManager, (user) => {
      // Signed out in another tab: what this tab kept for the person (their selection, …) goes too.
      if (!user && hasUser()) clearPersonalKeys(window.sessionStorage);
      dispatch({ type: "otherTabStored", user });
    }),
  );

  const scope = `${userManager.settings.authority}:${userManager.settings.client_id}`;
  const lock = options.renewalLock ?? createRenewalLock(`valet.renewal:${scope}`);
  const gate = options.signOutGate ?? createSignOutGate(`valet.signout:${scope}`);
  const ledger = pageRefreshLedger();
  const keeper = createSessionKeeper({
    userManager,
    ledger,
    // The app's UserManager (createUserManager's VerifyingUserManager) records each refresh in this same ledger.
    recordedByUserManager: true,
    lock,
    now,
    user: () => state.user,
    adopt: (user) => dispatch({ type: "renewed", user }),
    report: (error) => dispatch({ type: "renewalReported", error }),
    end: (error) => {
      dispatch({ type: "sessionEnded", error });
      void forgetSession(userManager, ledger);
    },
  });

  const signOut = async () => {
    if (status() === "signingOut") return;
    dispatch({ type: "signOutStarted" });
    const leave = options.leave ?? ((url: string) => window.location.assign(url));
    await signOutSession({ userManager, gate, lock, ledger, leave, basePath }).catch((error: unknown) =>
      dispatch({ type: "signOutFailed", error: toAuthError("signoutRedirect", error) }),
    );
  };

  const restore = async () => {
    const user = await userManager.getUser();
    // A callback or another tab may have settled the state while storage was read; theirs is newer.
    if (status() !== "loading") return;
    if (user && idleMinutes && idleLimitPassed({ ...activity, minutes: idleMinutes })) {
      // Nobody was active for longer than allowed while the browser was closed: sign out (and revoke), never renew.
      return signOut();
    }
    const usable = user && (!expiredNow(user) || user.refresh_token) ? user : null;
    if (user && !usable) await userManager.removeUser();
    dispatch({ type: "restored", user: usable });
    // An expired access token with a refresh token is renewed at once; the person stays signed in meanwhile.
    if (usable && expiredNow(usable)) await keeper.renew();
  };
  restore().catch((error: unknown) =>
    dispatch({ type: "restoreFailed", error: toAuthError("loadUser", error) }),
  );

  // Each session's idle period starts when it opens (after the check above, for one resumed at start-up).
  const idle = idleMinutes
    ? createIdleSignOut({ ...activity, minutes: idleMinutes, signOut, active: hasUser })
    : undefined;

  return {
    state,
    basePath,
    idle,
    isAuthenticated,
    signOut,
    renew: (request = { force: true }) => keeper.renew(request),
    renewal: keeper.status,
    getAccessToken: () => (isAuthenticated() ? state.user?.access_token : undefined),
    clearError: () => dispatch({ type: "errorCleared" }),
    ...createSignIn({
      userManager,
      basePath,
      dispatch,
      status,
      attemptStore,
      now,
      onCodeExchange: options.onCodeExchange,
    }),
  };
}
