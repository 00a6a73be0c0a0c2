import type { AuthClient } from "../AuthClient";
import type { RefreshLedger } from "./createRefreshLedger";

/**
 * Removes the session from this browser: the ledger's record of the last renewal first (nothing of a session may
 * outlive it), then the stored user, which every tab follows. Failures are ignored: what can be removed is.
 */
export async function forgetSession(
  userManager: Pick<AuthClient, "removeUser">,
  ledger: Pick<RefreshLedger, "clear">,
) {
  await ledger.clear().catch(() => undefined);
  await userManager.removeUser().catch(() => undefined);
}
