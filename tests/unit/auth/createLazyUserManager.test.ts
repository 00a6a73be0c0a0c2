import { InMemoryWebStorage } from "oidc-client-ts";
import { describe, expect, it, vi } from "vitest";
import { createLazyUserManager } from "../../../src/auth/createLazyUserManager";
import type { AuthSettings } from "../../../src/auth/AuthSettings";
import { createTestUser } from "./fakeUserManager";

const settings: AuthSettings = {
  authority: "https://login.example",
  issuer: "https://login.example",
  clientId: "valet",
  scope: "openid api offline_access",
  redirectUri: "https://valet.example/callback",
  postLogoutRedirectUri: "https://valet.example/",
  basePath: "/",
};

describe("createLazyUserManager", () => {
  it("says nobody is signed in when no session is stored", async () => {
    const client = createLazyUserManager(settings, new InMemoryWebStorage());
    await expect(client.getUser()).resolves.toBeNull();
    await expect(client.removeUser()).resolves.toBeUndefined();
    expect(client.settings).toEqual({
      authority: "https://login.example",
      client_id: "valet",
      post_logout_redirect_uri: "https://valet.example/",
    });
  });

  it("loads the UserManager for a stored session, whose events reach listeners added before", async () => {
    const storage = new InMemoryWebStorage();
    storage.setItem("valet.user:https://login.example:valet", createTestUser(600).toStorageString());
    const client = createLazyUserManager(settings, storage);
    const unloaded = vi.fn();
    client.events.addUserUnloaded(unloaded);

    expect((await client.getUser())?.access_token).toBe("access-token");
    await client.removeUser();
    expect(unloaded).toHaveBeenCalledTimes(1);
    await expect(client.getUser()).resolves.toBeNull();
  });

  it("forwards every other method to the loaded UserManager", async () => {
    const client = createLazyUserManager(settings, new InMemoryWebStorage());
    // oidc-client-ts's own answer to a callback without a state: the call reached it.
    await expect(client.signinCallback("https://valet.example/callback?code=c")).rejects.toThrow(/state/i);
  });

  it("is no thenable, so awaiting it loads nothing and calls nothing", async () => {
    const client = createLazyUserManager(settings, new InMemoryWebStorage());
    expect(await Promise.resolve(client)).toBe(client);
  });
});
