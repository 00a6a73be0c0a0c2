import type { User } from "oidc-client-ts";
import type { AuthClient } from "./AuthClient";
import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from "solid-js";
import { createStore } from "solid-js/store";
import { AuthError, toAuthError } from "./AuthError";
import type { AuthState } from "./AuthState";
import { createIdleSignOut, type IdleSignOut } from "./session/createIdleSignOut";
import { createNonce } from "./createNonce";
import { createRefreshLedger } from "./session/createRefreshLedger";
import { createRenewalLock, type RenewalLock } from "./session/createRenewalLock";
import { createSignOutGate, type SignOutGate } from "./session/createSignOutGate";
import { createSessionKeeper, type RenewalStatus, type RenewOptions } from "./session/createSessionKeeper";
import { isPasswordSession } from "./session/passwordSession";
import { clearPersonalKeys, USER_STORE_KEY_PREFIX } from "./storageKeys";
import { toFullPath, toRouterPath } from "./routerPath";
import { safeReturnPath } from "./safeReturnPath";

/** What is round-tripped through the authorization request's `state`. */
interface SigninState {
  returnTo?: unknown;
  /** Kept with the state so the id_token's nonce can be checked against it (see VerifyingUserManager). */
  nonce?: string;
}

export interface Auth {
  /** Reactive `{ user, status, error }`. */
  readonly state: AuthState;
  /** True while a user is stored and its access token has not expired; flips at expiry without any event. */
  isAuthenticated(): boolean;
  /** The app's base path, starting and ending with "/". */
  readonly basePath: string;
  /**
   * Leaves for the sign-in page; after sign-in the app returns to `returnTo`, a router path (relative to the base,
   * e.g. "/assets?search=beach").
   */
  signIn(returnTo?: string, options?: { automatic?: boolean }): Promise<void>;
  /**
   * Signs in with a username and password (the resource owner password grant), for deployments that turn it on.
   * The password is sent once and kept nowhere. Nothing is stored when the server refuses.
   * @returns the safe router path to go to
   * @throws AuthError with source "signinPassword" (code "wrong_credentials", "password_sign_in_refused", …)
   */
  signInWithPassword(username: string, password: string, returnTo?: string): Promise<string>;
  /**
   * Revokes the refresh token, clears the session here, and ends it at the auth server (with `id_token_hint`),
   * which sends the browser back to the post-logout URI. A password session has no session at the auth server to
   * end: it goes straight to the post-logout URI.
   */
  signOut(): Promise<void>;
  /**
   * Completes the sign-in whose response is in `url`. Calls for the same URL share one code exchange.
   * @returns the safe router path to return to (relative to the base)
   * @throws AuthError when the response is refused
   */
  completeSignIn(url: string): Promise<string>;
  /** The access token, when one is valid now. */
  getAccessToken(): string | undefined;
  /**
   * Renews the session now with the refresh token, unless another tab already has; concurrent calls (from any
   * tab) share one refresh.
   * @returns the access token afterwards, or undefined when the session could not be renewed
   */
  renew(options?: RenewOptions): Promise<string | undefined>;
  /** What automatic renewal is doing: idle, renewing, retrying or failed. */
  renewal: Accessor<RenewalStatus>;
  /** Idle sign-out, when the deployment turned it on. */
  readonly idle?: IdleSignOut;
  clearError(): void;
}

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
  /** The lock renewals run under; sign-out takes it too. Injectable for tests. */
  renewalLock?: RenewalLock;
}

// Automatic sign-in redirects allowed within a minute before Valet stops and explains instead of looping.
const MAX_AUTOMATIC_SIGNINS = 3;
const AUTOMATIC_SIGNIN_WINDOW_MS = 60_000;
const ATTEMPTS_KEY = "valet.automaticSignIns";

// setTimeout overflows past 2^31-1 ms; longer waits are re-armed.
const MAX_TIMER_DELAY = 2_147_483_647;

function isExpired(user: User, now: number): boolean {
  return user.expires_at !== undefined && user.expires_at * 1000 <= now;
}

/**
 * The reactive core of the auth binding: one per app, around the one UserManager. Must run inside a reactive root;
 * every listener and timer it creates is released when that root is disposed.
 */
export function createAuth(options: CreateAuthOptions): Auth {
  const { userManager, basePath } = options;
  const now = options.now ?? Date.now;
  const [state, setState] = createStore<{ -readonly [K in keyof AuthState]: AuthState[K] }>({
    user: null,
    status: "loading",
    error: null,
  });

  // Bumped when the access token expires, so `isAuthenticated` is re-read even when no event arrives.
  const [expiryTick, setExpiryTick] = createSignal(0);
  createEffect(() => {
    expiryTick();
    const expiresAt = state.user?.expires_at;
    if (expiresAt === undefined) return;
    const remaining = expiresAt * 1000 - now();
    if (remaining < 0) return;
    const timer = setTimeout(
      () => setExpiryTick((tick) => tick + 1),
      Math.min(remaining + 1, MAX_TIMER_DELAY),
    );
    onCleanup(() => clearTimeout(timer));
  });

  const isAuthenticated = () => {
    expiryTick();
    const user = state.user;
    return user !== null && !isExpired(user, now());
  };

  // While signing out, the user is removed before the browser leaves: guards must not take that moment to start a
  // new sign-in, or the sign-in redirect wins the race against the sign-out redirect.
  let signingOut = false;
  const events = userManager.events;
  onCleanup(events.addUserLoaded((user) => setState({ user, status: "signedIn", error: null })));
  onCleanup(
    events.addUserUnloaded(() => setState({ user: null, status: signingOut ? "redirecting" : "signedOut" })),
  );

  const ledger = createRefreshLedger();
  const endSession = async (error: AuthError) => {
    // The error goes first: a guard that saw "signed out" with no error would start a sign-in on its own, and the
    // person would lose the chance to see why.
    setState("error", error);
    await ledger.clear().catch(() => undefined);
    await userManager.removeUser().catch(() => undefined);
    setState({ user: null, status: "signedOut", error });
  };

  const scope = `${userManager.settings.authority}:${userManager.settings.client_id}`;
  const renewalLock = options.renewalLock ?? createRenewalLock(`valet.renewal:${scope}`);
  const signOutGate = options.signOutGate ?? createSignOutGate(`valet.signout:${scope}`);

  const keeper = createSessionKeeper({
    userManager,
    user: () => state.user,
    // A renewal that finishes after a sign-out began must not bring the session back into this tab.
    adopt: (user) => {
      if (!signingOut) setState({ user, status: "signedIn" });
    },
    end: (error) => void endSession(error),
    report: (error) => {
      if (error || state.error?.source === "renewSilent") setState("error", error);
    },
    ledger,
    lock: renewalLock,
    now,
  });

  // Tabs share the stored user: when another tab signs in, renews or signs out, follow it without a reload.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !event.key.startsWith(USER_STORE_KEY_PREFIX)) return;
    void (async () => {
      const stored = await userManager.getUser();
      if (stored) {
        if (stored.access_token !== state.user?.access_token) {
          setState({ user: stored, status: "signedIn", error: null });
        }
      } else if (state.user && !signingOut) {
        setState({
          user: null,
          status: "signedOut",
          error: new AuthError("tabSync", "signed_out_elsewhere", "You signed out in another tab."),
        });
      }
    })();
  };
  window.addEventListener("storage", onStorage);
  onCleanup(() => window.removeEventListener("storage", onStorage));

  const attemptStore = options.attemptStore ?? window.sessionStorage;
  /** Counts an automatic sign-in; false when there have been too many lately (a loop). */
  const allowAutomaticSignIn = (): boolean => {
    const recent = (JSON.parse(attemptStore.getItem(ATTEMPTS_KEY) ?? "[]") as number[]).filter(
      (at) => now() - at < AUTOMATIC_SIGNIN_WINDOW_MS,
    );
    if (recent.length >= MAX_AUTOMATIC_SIGNINS) return false;
    attemptStore.setItem(ATTEMPTS_KEY, JSON.stringify([...recent, now()]));
    return true;
  };

  async function loadStoredUser(): Promise<void> {
    try {
      const user = await userManager.getUser();
      // A callback or an event may have settled the state while storage was read; theirs is newer.
      if (untrack(() => state.status) !== "loading") return;
      if (user && !isExpired(user, now())) {
        setState({ user, status: "signedIn" });
      } else if (user?.refresh_token) {
        setState({ user, status: "signedIn" });
        await keeper.renew();
      } else {
        if (user) await userManager.removeUser();
        setState({ user: null, status: "signedOut" });
      }
    } catch (error) {
      setState({ user: null, status: "signedOut", error: toAuthError("loadUser", error) });
    }
  }
  // Read once at start-up; it checks the state untracked on purpose, so nothing here needs to re-run.
  void loadStoredUser();

  const signedInOrOut = () => (state.user ? "signedIn" : "signedOut");

  const callbacks = new Map<string, Promise<string>>();
  const completeSignIn = (url: string): Promise<string> => {
    let completion = callbacks.get(url);
    if (!completion) {
      completion = (async () => {
        try {
          const user = await userManager.signinCallback(url);
          if (!user) {
            throw new AuthError("signinCallback", "sign_in_failed", "The sign-in server sent no session.");
          }
          setState({ user, status: "signedIn", error: null });
          attemptStore.removeItem(ATTEMPTS_KEY);
          const returnTo = safeReturnPath((user.state as SigninState | undefined)?.returnTo, basePath);
          return toRouterPath(returnTo, basePath);
        } catch (error) {
          const authError = toAuthError("signinCallback", error);
          setState({ status: signedInOrOut(), error: authError });
          throw authError;
        }
      })();
      callbacks.set(url, completion);
    }
    return completion;
  };

  const leave = options.leave ?? ((url: string) => window.location.assign(url));
  const signOut = async () => {
    signingOut = true;
    setState({ status: "redirecting", error: null });
    // What this tab kept for the person (their selection, …) goes with them, whichever way the sign-out ends.
    clearPersonalKeys(window.sessionStorage);
    const leaveForStartPage = () => leave(userManager.settings.post_logout_redirect_uri ?? basePath);
    // Where Web Locks refuse (an opaque origin, say), this tab goes ahead: one visit too many beats none.
    if (!(await signOutGate.enter().catch(() => true))) {
      // Another tab is signing out this moment and is the one that visits the auth server (a second visit would
      // strand this tab on MediaValet's own sign-out page); it also revokes and removes the stored session.
      leaveForStartPage();
      return;
    }
    // Under the renewal lock no tab is refreshing, so no renewal can write the session back after it is removed.
    const user = await renewalLock(async () => {
      let current = await userManager.getUser().catch(() => null);
      // This tab's copy of the store may lag behind another tab's renewal: the ledger holds the newest session,
      // whose refresh token is the one to revoke.
      const spent = current?.refresh_token;
      const replacement = spent ? await ledger.replacementFor(spent).catch(() => undefined) : undefined;
      if (replacement) current = await userManager.storeSession(replacement).catch(() => current);
      // Revoke first: a refresh token left alive at the server outlives the sign-out.
      if (current) await userManager.revokeTokens(["refresh_token"]).catch(() => undefined);
      await ledger.clear().catch(() => undefined);
      // Removed before leaving, so that every other tab follows at once.
      await userManager.removeUser().catch(() => undefined);
      return current;
    });
    if (!user || isPasswordSession(user) || !user.id_token) {
      // No session left to end at the server (another tab ended it earlier), or none was ever opened there: the
      // password grant leaves no cookie and no id_token to hint with, so revoking and clearing is the whole sign-out.
      leaveForStartPage();
      return;
    }
    try {
      // MediaValet's IdentityServer returns to the post-logout URI only with the id_token as `id_token_hint`
      // (OpenID Connect RP-Initiated Logout). The id_token is no API credential; the session it names ends there.
      await userManager.signoutRedirect({ id_token_hint: user.id_token });
    } catch (error) {
      signOutGate.release();
      signingOut = false;
      setState({ user: null, status: "signedOut", error: toAuthError("signoutRedirect", error) });
    }
  };

  // Idle sign-out runs only while someone is signed in, and starts afresh with each session.
  const idleMinutes = options.idleSignOutMinutes;
  let idle: IdleSignOut | undefined;
  if (idleMinutes) {
    const [current, setCurrent] = createSignal<IdleSignOut>();
    const signedIn = createMemo(() => state.user !== null);
    createEffect(() => {
      // Owned by this effect: a new session gets a fresh timer, and signing out disposes the old one.
      setCurrent(
        signedIn()
          ? createIdleSignOut({
              minutes: idleMinutes,
              signOut: () => void signOut(),
              now,
              storage: window.localStorage,
            })
          : undefined,
      );
    });
    idle = {
      secondsLeft: () => current()?.secondsLeft() ?? null,
      stayActive: () => current()?.stayActive(),
    };
  }

  return {
    state,
    basePath,
    idle,
    isAuthenticated,
    completeSignIn,
    renew: (request = { force: true }) => keeper.renew(request),
    renewal: keeper.status,
    getAccessToken: () => (isAuthenticated() ? state.user?.access_token : undefined),
    clearError: () => setState("error", null),
    async signIn(returnTo, signInOptions) {
      if (signInOptions?.automatic && !allowAutomaticSignIn()) {
        setState({
          status: signedInOrOut(),
          error: new AuthError(
            "signinRedirect",
            "sign_in_loop",
            "Sign-in did not succeed after several automatic attempts, so Valet stopped trying.",
          ),
        });
        return;
      }
      setState({ status: "redirecting", error: null });
      try {
        const nonce = createNonce();
        // Stored as the full path the browser shows, so that it is checked against the base when it comes back.
        const fullPath = toFullPath(returnTo ?? "/", basePath);
        const signinState: SigninState = { returnTo: safeReturnPath(fullPath, basePath), nonce };
        await userManager.signinRedirect({ state: signinState, nonce });
      } catch (error) {
        setState({ status: signedInOrOut(), error: toAuthError("signinRedirect", error) });
      }
    },
    signOut,
    async signInWithPassword(username, password, returnTo) {
      try {
        const user = await userManager.signinResourceOwnerCredentials({
          username,
          password,
          skipUserInfo: true,
        });
        setState({ user, status: "signedIn", error: null });
        const fullPath = safeReturnPath(toFullPath(returnTo ?? "/", basePath), basePath);
        return toRouterPath(fullPath, basePath);
      } catch (error) {
        throw toAuthError("signinPassword", error);
      }
    },
  };
}
