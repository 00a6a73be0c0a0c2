import { afterEach, describe, expect, it, vi } from "vitest";
import { toAuthError } from "../../../../src/auth/AuthError";
import { isPasswordSession } from "../../../../src/auth/session/passwordSession";
import type { SessionIdentity } from "../../../../src/auth/session/passwordSession";
import {
  createManagerWithServer,
  passwordGrantResponse,
  seedSession,
  storedSession,
} from "../fakeAuthServer";

const dana: SessionIdentity = {
  id: "mv-user-7",
  userName: "dana",
  name: "Dana Demo",
  email: "dana@example.com",
};

/** A JWT that decodes but carries no signature (`alg: none`), which Valet's verification must refuse. */
function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "none" })}.${part(claims)}.`;
}

const credentials = { username: "dana", password: "pw", skipUserInfo: true };

describe("A password session (MediaValet's password grant returns no id_token)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is accepted without an id_token; who signed in comes from the identity loader, asked with the new token", async () => {
    const loadIdentity = vi.fn(async () => dana);
    const { manager } = createManagerWithServer({ loadIdentity }, () => passwordGrantResponse("at-new"));

    const user = await manager.signinResourceOwnerCredentials(credentials);

    expect(loadIdentity).toHaveBeenCalledWith("at-new");
    expect(user.id_token).toBeUndefined();
    expect(user.profile).toMatchObject({
      sub: "mv-user-7",
      preferred_username: "dana",
      name: "Dana Demo",
      email: "dana@example.com",
    });
    expect(isPasswordSession(user)).toBe(true);
    const stored = await manager.getUser();
    expect(stored?.access_token).toBe("at-new");
    expect(isPasswordSession(stored)).toBe(true);
  });

  it("stores nothing, and revokes the refresh token, when the identity cannot be read", async () => {
    const { manager, posts } = createManagerWithServer(
      { loadIdentity: () => Promise.reject(new Error("The API answered 403.")) },
      (post) => (post.url.endsWith("/connect/token") ? passwordGrantResponse("at-new", "rt-new") : undefined),
    );

    await expect(manager.signinResourceOwnerCredentials(credentials)).rejects.toMatchObject({
      source: "signinPassword",
      code: "sign_in_failed",
      message: expect.stringContaining("The API answered 403."),
    });
    expect(await manager.getUser()).toBeNull();
    const revocation = posts.find((post) => post.url.endsWith("/connect/revocation"));
    expect(revocation?.form.get("token")).toBe("rt-new");
  });

  it("renews with a refresh response that has no id_token either, keeping who it is", async () => {
    const { manager } = createManagerWithServer({ loadIdentity: async () => dana }, (post) =>
      post.form.get("grant_type") === "password"
        ? passwordGrantResponse("at-1", "rt-1")
        : passwordGrantResponse("at-2", "rt-2"),
    );
    await manager.signinResourceOwnerCredentials(credentials);

    const renewed = await manager.signinSilent();

    expect(renewed?.access_token).toBe("at-2");
    expect(renewed?.refresh_token).toBe("rt-2");
    expect(renewed?.profile.sub).toBe("mv-user-7");
    expect(isPasswordSession(await manager.getUser())).toBe(true);
  });

  it("does not excuse a code-flow session's refresh: an id_token there is still verified", async () => {
    const claims = { sub: "user-1", iss: "https://login.example", aud: "valet-confidential" };
    const unsigned = unsignedJwt(claims);
    const { manager } = createManagerWithServer({}, () =>
      Response.json({
        access_token: "at-2",
        expires_in: 3600,
        token_type: "Bearer",
        refresh_token: "rt-2",
        id_token: unsigned,
      }),
    );
    await seedSession(manager, storedSession({ id_token: unsignedJwt({ ...claims, nonce: "n" }) }));

    const refused = await manager.signinSilent().catch((error: unknown) => toAuthError("renewSilent", error));
    expect(refused).toMatchObject({ source: "renewSilent", code: "id_token_invalid" });
    expect((await manager.getUser())?.access_token).toBe("at-stored");
  });

  it("is refused plainly when the server does not allow the password grant for this client", async () => {
    const { manager } = createManagerWithServer({ loadIdentity: async () => dana }, () =>
      Response.json({ error: "unauthorized_client" }, { status: 400 }),
    );
    const error = await manager
      .signinResourceOwnerCredentials(credentials)
      .catch((caught: unknown) => caught);
    expect(toAuthError("signinPassword", error)).toMatchObject({ code: "password_sign_in_refused" });
    expect(await manager.getUser()).toBeNull();
  });
});
