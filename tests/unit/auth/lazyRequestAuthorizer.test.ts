import { describe, expect, it, vi } from "vitest";
import { lazyRequestAuthorizer } from "../../../src/auth/lazyRequestAuthorizer";

const request = { method: "GET", url: "https://api.example.com/assets" };

describe("lazyRequestAuthorizer", () => {
  it("authorizes like the authorizer it loads", async () => {
    const authorizer = lazyRequestAuthorizer({ getToken: () => ({ access_token: "t1" }) });
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "Bearer t1" });
  });

  it("has the headers at hand only once its code is there", async () => {
    // A fresh copy of the module: its code loader must not have loaded for another test.
    vi.resetModules();
    const lazy = await import("../../../src/auth/lazyRequestAuthorizer");
    const authorizer = lazy.lazyRequestAuthorizer({ getToken: () => ({ access_token: "t1" }) });
    expect(authorizer.authorizeNow?.(request)).toBeUndefined();
    await lazy.loadRequestAuthorizerCode();
    expect(authorizer.authorizeNow?.(request)).toEqual({ Authorization: "Bearer t1" });
  });

  it("has renew exactly when there is something to renew with", () => {
    expect(lazyRequestAuthorizer({ getToken: () => null }).renew).toBeUndefined();
    expect(lazyRequestAuthorizer({ getToken: () => null, renewToken: async () => "t" }).renew).toBeTypeOf(
      "function",
    );
  });

  it("shares one renewal among concurrent refusals, as one loaded instance", async () => {
    let token = "old";
    const renewToken = vi.fn(async () => {
      await Promise.resolve();
      token = "new";
      return token;
    });
    const authorizer = lazyRequestAuthorizer({ getToken: () => ({ access_token: token }), renewToken });
    const refused = { ...request, headers: { Authorization: "Bearer old" }, answer: new Headers() };
    expect(await Promise.all([authorizer.renew!(refused), authorizer.renew!(refused)])).toEqual([true, true]);
    expect(renewToken).toHaveBeenCalledTimes(1);
  });
});
