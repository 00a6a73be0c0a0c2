import { describe, expect, it } from "vitest";
import { pageRefreshLedger } from "../../../../src/auth/session/pageRefreshLedger";

describe("pageRefreshLedger", () => {
  it("is one ledger for the whole page, so that the keeper and the UserManager share one database connection", () => {
    expect(pageRefreshLedger()).toBe(pageRefreshLedger());
  });
});
