import type { Auth } from "../Auth";
import type { AuthClient } from "../AuthClient";
import { AuthError, toAuthError } from "../AuthError";
import type { AuthStatus } from "../AuthState";
import { toFullPath, toRouterPath } from "../routerPath";
import { safeReturnPath } from "../safeReturnPath";
import type { AuthEvent } from "../state/AuthEvent";
import { createSignInLoopGuard } from "./createSignInLoopGuard";
import { returnPathAfter, signinRequest } from "./signinRequest";

export interface SignInOptions {
  userManager: AuthClient;
  /** The app's base path, starting and ending with "/". */
  basePath: string;
  /** Where each step of a sign-in goes. */
  dispatch: (event: AuthEvent) => void;
  /** The auth status now: no sign-in starts while signing out. */
  status: () => AuthStatus;
  /** Where automatic sign-in attempts are counted (the tab's sessionStorage: each one is a new page load). */
  attemptStore: Storage;
  now: () => number;
  /**
   * Told when a sign-in response's code exchange has started: its token request goes out within the microtasks that
   * follow, once the auth client's code is in. The app starts then what it needs only after the tokens.
   */
  onCodeExchange?: () => void;
}

/**
 * The ways in: the redirect to the sign-in page (automatic ones held back when they loop), its callback (one code
 * exchange per response, however often it is asked for), and the password grant.
 */
export function createSignIn(
  options: SignInOptions,
): Pick<Auth, "signIn" | "completeSignIn" | "signInWithPassword"> {
  const { userManager, basePath, dispatch } = options;
  const loopGuard = createSignInLoopGuard(options.attemptStore, options.now);

  const finishSignIn = async (url: string) => {
    // Until the tokens are in, this tab is signing in: nothing offers to start another sign-in meanwhile.
    dispatch({ type: "signInStarted" });
    try {
      const exchange = userManager.signinCallback(url);
      options.onCodeExchange?.();
      const user = await exchange;
      if (!user)
        throw new AuthError("signinCallback", "sign_in_failed", "The sign-in server sent no session.");
      dispatch({ type: "userLoaded", user });
      loopGuard.reset();
      return returnPathAfter(user, basePath);
    } catch (error) {
      const authError = toAuthError("signinCallback", error);
      dispatch({ type: "signInFailed", error: authError });
      throw authError;
    }
  };
  const callbacks = new Map<string, Promise<string>>();

  return {
    async signIn(returnTo, signInOptions) {
      if (options.status() === "signingOut") return;
      if (signInOptions?.automatic && !loopGuard.allow()) {
        const message = "Sign-in did not succeed after several automatic attempts, so Valet stopped trying.";
        dispatch({ type: "signInFailed", error: new AuthError("signinRedirect", "sign_in_loop", message) });
        return;
      }
      dispatch({ type: "signInStarted" });
      try {
        await userManager.signinRedirect(signinRequest(returnTo, basePath));
      } catch (error) {
        dispatch({ type: "signInFailed", error: toAuthError("signinRedirect", error) });
      }
    },
    completeSignIn(url) {
      const completion = callbacks.get(url) ?? finishSignIn(url);
      callbacks.set(url, completion);
      return completion;
    },
    async signInWithPassword(username, password, returnTo) {
      try {
        const user = await userManager.signinResourceOwnerCredentials({
          username,
          password,
          skipUserInfo: true,
        });
        dispatch({ type: "userLoaded", user });
      } catch (error) {
        throw toAuthError("signinPassword", error);
      }
      return toRouterPath(safeReturnPath(toFullPath(returnTo ?? "/", basePath), basePath), basePath);
    },
  };
}
