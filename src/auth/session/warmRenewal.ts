import type { RefreshLedger } from "./createRefreshLedger";

/**
 * Readies what a renewal sets up the first time it runs in a page, so that the first renewal after a reload costs
 * what later ones cost (issue 16): the refresh ledger's database connection and hashing, and this page's connection
 * to the browser's lock manager (a query, which takes no lock and so never holds up another tab). Sends no request.
 */
export async function warmRenewal(
  ledger: Pick<RefreshLedger, "warm">,
  locks: LockManager | undefined = globalThis.navigator?.locks,
): Promise<void> {
  await Promise.all([ledger.warm(), locks?.query()]);
}
