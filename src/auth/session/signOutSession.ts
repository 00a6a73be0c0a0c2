import type { AuthClient } from "../AuthClient";
import { toAuthError } from "../AuthError";
import { clearPersonalKeys } from "../storageKeys";
import type { RefreshLedger } from "./createRefreshLedger";
import type { RenewalLock } from "./createRenewalLock";
import type { SignOutGate } from "./createSignOutGate";
import { forgetSession } from "./forgetSession";
import { isPasswordSession } from "./passwordSession";

export interface SignOutSessionOptions {
  userManager: AuthClient;
  /** Decides which tab visits the auth server when several sign out at once. */
  gate: SignOutGate;
  /** The lock renewals run under. */
  lock: RenewalLock;
  ledger: Pick<RefreshLedger, "replacementFor" | "clear">;
  /** Loads a page in place of the app. */
  leave: (url: string) => void;
  /** The app's base path: the start page when no post-logout URI is configured. */
  basePath: string;
  /** The tab's own storage, where what Valet kept for the person is cleared. */
  tabStorage?: Storage;
  /** The storage the tabs share (the stored user, the idle record, sign-in states); cleared of the person too. */
  sharedStorage?: Storage;
}

/**
 * Ends the session: revokes the newest refresh token, clears the session here (and so in every tab), and ends it at
 * the auth server with `id_token_hint`, which sends the browser back to the post-logout URI. When another tab is
 * already signing out, or for a password session (nothing to end at the server), it goes straight to the start page.
 * @throws AuthError with source "signoutRedirect" when the auth server could not be reached; the session is cleared
 *   here all the same.
 */
export async function signOutSession(options: SignOutSessionOptions): Promise<void> {
  const { userManager, gate, ledger } = options;
  // What this tab kept for the person (their selection, …) goes with them, whichever way the sign-out ends.
  clearPersonalKeys(options.tabStorage ?? window.sessionStorage);
  const leaveForStartPage = () =>
    options.leave(userManager.settings.post_logout_redirect_uri ?? options.basePath);
  // Where Web Locks refuse (an opaque origin, say), this tab goes ahead: one visit too many beats none.
  if (!(await gate.enter().catch(() => true))) {
    // Another tab is signing out this moment and is the one that visits the auth server (a second visit would
    // strand this tab on MediaValet's own sign-out page); it also revokes and removes the stored session.
    leaveForStartPage();
    return;
  }
  // Under the renewal lock no tab is refreshing, so no renewal can write the session back after it is removed.
  const user = await options.lock(async () => {
    let current = await userManager.getUser().catch(() => null);
    // This tab's copy of the store may lag behind another tab's renewal: the ledger holds the newest session,
    // whose refresh token is the one to revoke.
    const spent = current?.refresh_token;
    const replacement = spent ? await ledger.replacementFor(spent).catch(() => undefined) : undefined;
    if (replacement) current = await userManager.storeSession(replacement).catch(() => current);
    // Revoke first: a refresh token left alive at the server outlives the sign-out.
    if (current) await userManager.revokeTokens(["refresh_token"]).catch(() => undefined);
    // Removed before leaving, so that every other tab follows at once.
    await forgetSession(userManager, ledger);
    // The rest of what the tabs shared for the person (the idle record, sign-in states left by abandoned sign-ins).
    clearPersonalKeys(options.sharedStorage ?? window.localStorage);
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
    gate.release();
    throw toAuthError("signoutRedirect", error);
  }
}
