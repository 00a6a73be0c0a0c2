import { createRefreshLedger, type RefreshLedger } from "./createRefreshLedger";

let ledger: RefreshLedger | undefined;

/**
 * The refresh ledger of this page, in the browser's IndexedDB: the session keeper reads it and the UserManager
 * records in it, over one database connection, so that a warm-up opens the connection both of them use.
 */
export function pageRefreshLedger(): RefreshLedger {
  return (ledger ??= createRefreshLedger());
}
