import { afterEach, describe, expect, it, vi } from "vitest";
import { createManagerWithServer, passwordGrantResponse, seedSession, storedSession } from "./fakeAuthServer";

describe("VerifyingUserManager.signinSilent", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("renews without a scope, so the server grants the sign-in's scopes (openid included) and sends an id_token", async () => {
    const { manager, posts } = createManagerWithServer({}, () => passwordGrantResponse("at-2", "rt-2"));
    // The server reported the granted scope as "api" alone, as the sandbox does for a resource's tokens.
    await seedSession(manager, storedSession({ scope: "api" }));

    await manager.signinSilent();

    expect(posts).toHaveLength(1);
    expect(posts[0]?.form.get("grant_type")).toBe("refresh_token");
    expect(posts[0]?.form.has("scope")).toBe(false);
  });
});
