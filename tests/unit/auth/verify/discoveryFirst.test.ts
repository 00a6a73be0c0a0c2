import { afterEach, describe, expect, it, vi } from "vitest";
import { toAuthError } from "../../../../src/auth/AuthError";
import {
  createManagerWithServer,
  issuer,
  recordRedirects,
  seedSession,
  storedSession,
} from "../fakeAuthServer";

// The server's discovery document names `issuer`; this deployment expects another, so the document fails its checks.
const expectingAnotherIssuer = { issuer: "https://iam.example" };

async function refusal(step: Promise<unknown>) {
  return step.then(
    () => {
      throw new Error("The step went ahead.");
    },
    (error: unknown) => toAuthError("renewSilent", error),
  );
}

describe("Discovery is verified before any of its endpoints is used (issue 14, hole 6)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("a fresh tab with a stored session sends no refresh, and fetches no keys, from an unverified document", async () => {
    const { manager, posts, keyRequests } = createManagerWithServer(expectingAnotherIssuer);
    await seedSession(manager, storedSession());

    expect(await refusal(manager.signinSilent())).toMatchObject({
      code: "discovery_invalid",
      transient: false,
    });
    expect(posts).toEqual([]);
    expect(keyRequests).toEqual([]);
  });

  it("sends no revocation to an unverified document's endpoint", async () => {
    const { manager, posts } = createManagerWithServer(expectingAnotherIssuer);
    await seedSession(manager, storedSession());

    expect(await refusal(manager.revokeTokens(["refresh_token"]))).toMatchObject({
      code: "discovery_invalid",
    });
    expect(posts).toEqual([]);
  });

  it("does not leave for an unverified document's end-session endpoint", async () => {
    const { manager } = createManagerWithServer(expectingAnotherIssuer);
    const redirects = recordRedirects(manager);
    await seedSession(manager, storedSession());

    expect(await refusal(manager.signoutRedirect())).toMatchObject({ code: "discovery_invalid" });
    expect(redirects).toEqual([]);
  });

  it("uses the endpoints once the document is verified", async () => {
    const { manager, posts } = createManagerWithServer();
    await seedSession(manager, storedSession());
    await manager.revokeTokens(["refresh_token"]);
    expect(posts.map((post) => post.url)).toEqual([`${issuer}/connect/revocation`]);
  });
});
