import { describe, expect, it, vi } from "vitest";
import { createRequestAuthorizer, type HeldToken } from "../../../src/auth/createRequestAuthorizer";
import type { DPoPProver } from "../../../src/auth/dpop/createDPoPProver";

const request = { method: "GET", url: "https://api.example.com/assets?count=1" };

function fakeProver(): DPoPProver & { proofs: string[] } {
  const proofs: string[] = [];
  return {
    proofs,
    proof: vi.fn(async (target, token) => {
      const proof = `proof-${proofs.length + 1}(${target.method} ${target.url} ${token})`;
      proofs.push(proof);
      return proof;
    }),
    acceptNonce: vi.fn(async (_request, answer: Headers) => answer.has("DPoP-Nonce")),
  };
}

const refused = (headers: Record<string, string>, answer = new Headers()) => ({
  ...request,
  headers,
  answer,
});

describe("createRequestAuthorizer", () => {
  it("authorizes with the bearer token while the session is not bound", async () => {
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1", token_type: "Bearer" }),
    });
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "Bearer t1" });
  });

  it("has a bearer token's headers at hand, and nothing at hand that needs waiting for", () => {
    const now = (getToken: () => HeldToken | undefined | Promise<HeldToken | undefined>) =>
      createRequestAuthorizer({ getToken, dpop: fakeProver() }).authorizeNow(request);
    expect(now(() => ({ access_token: "t1", token_type: "Bearer" }))).toEqual({ Authorization: "Bearer t1" });
    // A bound token needs a proof (made asynchronously); no token, an empty one, or one still to come: ask authorize.
    expect(now(() => ({ access_token: "t1", token_type: "DPoP" }))).toBeUndefined();
    expect(now(() => undefined)).toBeUndefined();
    expect(now(() => ({ access_token: "" }))).toBeUndefined();
    expect(now(async () => ({ access_token: "t1" }))).toBeUndefined();
  });

  it("asks an asynchronous token source once per request, leaving its answer to authorize", async () => {
    const getToken = vi.fn(() => Promise.reject<HeldToken>(new Error("no user")));
    const authorizer = createRequestAuthorizer({ getToken });
    expect(authorizer.authorizeNow(request)).toBeUndefined();
    await expect(authorizer.authorize(request)).rejects.toThrow("no user");
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it("takes any promise-like answer of the token source for a promise, never for a token", async () => {
    const token: HeldToken = { access_token: "t1" };
    const thenable = { then: (resolve: (value: HeldToken) => void) => resolve(token) };
    const authorizer = createRequestAuthorizer({ getToken: () => thenable as unknown as Promise<HeldToken> });
    expect(authorizer.authorizeNow(request)).toBeUndefined();
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "Bearer t1" });
  });

  it("authorizes a DPoP-bound token with the DPoP scheme and a fresh proof for this request", async () => {
    const dpop = fakeProver();
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1", token_type: "DPoP" }),
      dpop,
    });
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "DPoP t1", DPoP: dpop.proofs[0] });
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "DPoP t1", DPoP: dpop.proofs[1] });
    expect(dpop.proof).toHaveBeenCalledWith(request, "t1");
  });

  it("still sends a bearer token as Bearer when DPoP is on (a password session's token is not bound)", async () => {
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1" }),
      dpop: fakeProver(),
    });
    expect(await authorizer.authorize(request)).toEqual({ Authorization: "Bearer t1" });
  });

  it("refuses to send a bound token without a proof", async () => {
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1", token_type: "DPoP" }),
    });
    await expect(authorizer.authorize(request)).rejects.toThrow(/DPoP/);
  });

  it.each([null, undefined, { access_token: "" }])(
    "authorizes nothing without a token (%j)",
    async (token) => {
      const authorizer = createRequestAuthorizer({ getToken: () => token });
      expect(await authorizer.authorize(request)).toBeUndefined();
    },
  );

  it("has no renew without a renewal or DPoP, so a 401 is reported as it is", () => {
    expect(createRequestAuthorizer({ getToken: () => ({ access_token: "t1" }) }).renew).toBeUndefined();
  });

  it("takes a nonce the API asked for, without renewing the token", async () => {
    const renewToken = vi.fn(async () => "t2");
    const dpop = fakeProver();
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1", token_type: "DPoP" }),
      renewToken,
      dpop,
    });
    const answer = new Headers({ "WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": "n-1" });
    expect(await authorizer.renew!(refused({ Authorization: "DPoP t1", DPoP: "proof-1" }, answer))).toBe(
      true,
    );
    expect(dpop.acceptNonce).toHaveBeenCalledWith(expect.objectContaining(request), answer, "proof-1");
    expect(renewToken).not.toHaveBeenCalled();
  });

  it("renews once for concurrent refusals of the same token", async () => {
    let token: HeldToken = { access_token: "old" };
    let finish: () => void = () => {};
    const renewToken = vi.fn(
      () =>
        new Promise<string>((resolve) => {
          finish = () => {
            token = { access_token: "new" };
            resolve("new");
          };
        }),
    );
    const authorizer = createRequestAuthorizer({ getToken: () => token, renewToken });
    const first = authorizer.renew!(refused({ Authorization: "Bearer old" }));
    const second = authorizer.renew!(refused({ Authorization: "Bearer old" }));
    await vi.waitFor(() => expect(renewToken).toHaveBeenCalledTimes(1));
    finish();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(renewToken).toHaveBeenCalledTimes(1);
  });

  it("renews nothing for a refusal of a token that was already replaced", async () => {
    const renewToken = vi.fn(async () => "t3");
    const authorizer = createRequestAuthorizer({ getToken: () => ({ access_token: "t2" }), renewToken });
    expect(await authorizer.renew!(refused({ Authorization: "Bearer t1" }))).toBe(true);
    expect(renewToken).not.toHaveBeenCalled();
  });

  it("says a retry cannot help when the renewal gives no token", async () => {
    const authorizer = createRequestAuthorizer({
      getToken: () => ({ access_token: "t1" }),
      renewToken: async () => undefined,
    });
    expect(await authorizer.renew!(refused({ Authorization: "Bearer t1" }))).toBe(false);
  });
});
