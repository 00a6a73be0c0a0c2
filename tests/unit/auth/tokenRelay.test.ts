import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createManagerWithServer,
  issuer,
  passwordGrantResponse,
  seedSession,
  storedSession,
} from "./fakeAuthServer";

const relay = "https://valet.example/relay";

describe("VerifyingUserManager with a token relay", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("names the relay's token and revocation paths, and keeps the server's other endpoints", async () => {
    const { manager } = createManagerWithServer({ tokenRelayUrl: relay });
    const metadata = manager.metadataService;
    expect(await metadata.getTokenEndpoint(false)).toBe(`${relay}/token`);
    expect(await metadata.getRevocationEndpoint(false)).toBe(`${relay}/revocation`);
    expect(await metadata.getAuthorizationEndpoint()).toBe(`${issuer}/connect/authorize`);
    expect(await metadata.getEndSessionEndpoint()).toBe(`${issuer}/connect/endsession`);
    expect(await metadata.getKeysEndpoint()).toBe(`${issuer}/.well-known/openid-configuration/jwks`);
  });

  it("posts a refresh to the relay as a public client would: client_id in the body, no secret", async () => {
    const { manager, posts } = createManagerWithServer({ tokenRelayUrl: relay }, () =>
      passwordGrantResponse("at-2", "rt-2"),
    );
    await seedSession(manager, storedSession());
    await manager.signinSilent();
    expect(posts.map((post) => post.url)).toEqual([`${relay}/token`]);
    const form = posts[0]?.form;
    expect(form?.get("grant_type")).toBe("refresh_token");
    expect(form?.get("client_id")).toBe("valet-confidential");
    expect(form?.has("client_secret")).toBe(false);
    expect(posts[0]?.headers.has("Authorization")).toBe(false);
  });

  it("revokes through the relay", async () => {
    const { manager, posts } = createManagerWithServer({ tokenRelayUrl: relay });
    await seedSession(manager, storedSession());
    await manager.revokeTokens(["refresh_token"]);
    expect(posts.map((post) => post.url)).toEqual([`${relay}/revocation`]);
    expect(posts[0]?.form.get("token")).toBe("rt-stored");
  });

  it("sends nothing to the relay while the server's discovery document fails its checks", async () => {
    const { manager, posts } = createManagerWithServer({
      tokenRelayUrl: relay,
      issuer: "https://iam.example",
    });
    await expect(manager.metadataService.getTokenEndpoint(false)).rejects.toMatchObject({
      name: "DiscoveryRejected",
    });
    await expect(
      manager.signinResourceOwnerCredentials({ username: "dana", password: "pw", skipUserInfo: true }),
    ).rejects.toMatchObject({ name: "DiscoveryRejected" });
    expect(posts).toEqual([]);
  });

  it("without a relay, talks to the endpoints discovery names", async () => {
    const { manager } = createManagerWithServer();
    expect(await manager.metadataService.getTokenEndpoint(false)).toBe(`${issuer}/connect/token`);
    expect(await manager.metadataService.getRevocationEndpoint(false)).toBe(`${issuer}/connect/revocation`);
  });
});
