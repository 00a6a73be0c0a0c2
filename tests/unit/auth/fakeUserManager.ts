import { User, type UserProfile } from "oidc-client-ts";
import { VerifyingUserManager } from "../../../src/auth/verify/VerifyingUserManager";
import { vi } from "vitest";

/** A real UserManager with the server's metadata inline (no discovery request) and its network calls stubbed. */
export function createTestUserManager(): VerifyingUserManager {
  const userManager = new VerifyingUserManager(
    {
      authority: "https://login.example",
      client_id: "valet",
      redirect_uri: "https://valet.example/callback",
      post_logout_redirect_uri: "https://valet.example/",
      metadata: {
        issuer: "https://login.example",
        authorization_endpoint: "https://login.example/connect/authorize",
        token_endpoint: "https://login.example/connect/token",
        end_session_endpoint: "https://login.example/connect/endsession",
      },
      automaticSilentRenew: false,
    },
    { issuer: "https://login.example" },
  );
  vi.spyOn(userManager, "getUser").mockResolvedValue(null);
  vi.spyOn(userManager, "signinRedirect").mockResolvedValue();
  vi.spyOn(userManager, "signoutRedirect").mockResolvedValue();
  vi.spyOn(userManager, "revokeTokens").mockResolvedValue();
  return userManager;
}

/** A user whose access token expires `expiresInSeconds` from the (possibly fake) clock's now. */
export function createTestUser(
  expiresInSeconds: number,
  extra: { refresh_token?: string; state?: unknown } = {},
) {
  return new User({
    id_token: "header.payload.signature",
    access_token: "access-token",
    token_type: "Bearer",
    scope: "openid api offline_access",
    profile: {
      sub: "user-1",
      name: "Dana Demo",
      iss: "https://login.example",
      aud: "valet",
      exp: 0,
      iat: 0,
    } as UserProfile,
    expires_at: Math.floor(Date.now() / 1000) + expiresInSeconds,
    refresh_token: extra.refresh_token,
    userState: extra.state,
  });
}

let issued = 0;

/**
 * A user whose access token is a JWT issued now (by the possibly fake clock) for `lifetimeSeconds`, so that the
 * renewal schedule can read its lifetime, with a signature part of its own so that no two issued tokens are equal.
 */
export function issueTestUser(lifetimeSeconds: number, refreshToken = "rt") {
  const user = createTestUser(lifetimeSeconds, { refresh_token: refreshToken });
  const nowSeconds = Math.floor(Date.now() / 1000);
  const payload = btoa(JSON.stringify({ iat: nowSeconds, exp: nowSeconds + lifetimeSeconds }));
  user.access_token = `h.${payload}.s-${++issued}`;
  return user;
}
