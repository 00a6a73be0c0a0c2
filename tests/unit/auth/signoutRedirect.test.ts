import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createManagerWithServer,
  issuer,
  recordRedirects,
  seedSession,
  storedSession,
} from "./fakeAuthServer";

describe("VerifyingUserManager.signoutRedirect", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("ends the session with the stored id_token as id_token_hint, and the post-logout URI, then forgets the user", async () => {
    const { manager } = createManagerWithServer();
    const redirects = recordRedirects(manager);
    await seedSession(manager, storedSession({ id_token: "the.id.token" }));

    void manager.signoutRedirect();

    await vi.waitFor(() => expect(redirects).toHaveLength(1));
    const url = new URL(redirects[0] ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/connect/endsession`);
    expect(url.searchParams.get("id_token_hint")).toBe("the.id.token");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("https://valet.example/");
    // Only the id_token: no access or refresh token ever goes into a URL.
    expect(url.search).not.toContain("at-stored");
    expect(url.search).not.toContain("rt-stored");
    expect(await manager.getUser()).toBeNull();
  });

  it("does not leave for an end-session endpoint whose discovery document fails its checks", async () => {
    const { manager } = createManagerWithServer({ issuer: "https://iam.example" });
    const redirects = recordRedirects(manager);
    await seedSession(manager, storedSession());

    await expect(manager.signoutRedirect()).rejects.toMatchObject({ name: "DiscoveryRejected" });
    expect(redirects).toEqual([]);
  });
});
