import type { User } from "oidc-client-ts";
import { createNonce } from "../createNonce";
import { toFullPath, toRouterPath } from "../routerPath";
import { safeReturnPath } from "../safeReturnPath";

/** What is round-tripped through the authorization request's `state`. */
interface SigninState {
  returnTo?: unknown;
  /** Kept with the state so the id_token's nonce can be checked against it (see VerifyingUserManager). */
  nonce?: string;
}

/**
 * The arguments of a sign-in redirect: a fresh nonce, and a state that carries it along with the page to return to
 * (`returnTo`, a router path).
 */
export function signinRequest(returnTo: string | undefined, basePath: string) {
  const nonce = createNonce();
  // Stored as the full path the browser shows, so that it is checked against the base when it comes back.
  const state: SigninState = {
    returnTo: safeReturnPath(toFullPath(returnTo ?? "/", basePath), basePath),
    nonce,
  };
  return { state, nonce };
}

/** The safe router path to go on to after the sign-in that `user` completed (from the state it carried). */
export function returnPathAfter(user: User, basePath: string): string {
  return toRouterPath(safeReturnPath((user.state as SigninState | undefined)?.returnTo, basePath), basePath);
}
