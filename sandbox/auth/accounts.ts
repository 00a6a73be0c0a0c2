import type {
  Account,
  AccountClaims,
  AccessToken,
  ClientCredentials,
  FindAccount,
  KoaContextWithOIDC,
} from "oidc-provider";
import { ALL_PERMISSIONS, findUserById, fullName, type SandboxUser } from "../users";

/** The standard claims Valet reads from the id_token. */
export const PROFILE_CLAIMS = ["name", "given_name", "family_name", "preferred_username"] as const;
export const EMAIL_CLAIMS = ["email", "email_verified"] as const;

/**
 * oidc-provider's `claims` configuration. MediaValet's clients ask for `openid api`, not `profile email`, yet expect a
 * name in the id_token; so `openid` releases the profile and email claims too.
 */
export const CLAIMS_BY_SCOPE = {
  openid: ["sub", ...PROFILE_CLAIMS, ...EMAIL_CLAIMS],
  profile: [...PROFILE_CLAIMS],
  email: [...EMAIL_CLAIMS],
};

function claimsOf(user: SandboxUser): AccountClaims {
  return {
    sub: user.id,
    name: fullName(user),
    given_name: user.givenName,
    family_name: user.familyName,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
  };
}

export const findAccount: FindAccount = (_ctx, sub): Account | undefined => {
  const user = findUserById(sub);
  if (!user) return undefined;
  return { accountId: user.id, claims: () => claimsOf(user) };
};

/**
 * MediaValet's discovery lists custom claims (UserId, UserName, Email, RoleId, UserOrgUnitId, Permissions) that the
 * API reads from the access token; the stand-in puts the same names into its JWT access tokens. A client-credentials
 * token acts for the integration itself, with no user, and may do everything a contributor may.
 */
export function extraTokenClaims(
  _ctx: KoaContextWithOIDC,
  token: AccessToken | ClientCredentials,
): Record<string, unknown> | undefined {
  const accountId = "accountId" in token ? token.accountId : undefined;
  if (accountId === undefined) return { Permissions: [...ALL_PERMISSIONS] };
  const user = findUserById(accountId);
  if (!user) return undefined;
  return {
    UserId: user.id,
    UserName: user.username,
    Email: user.email,
    RoleId: user.roleId,
    UserOrgUnitId: user.orgUnitId,
    Permissions: [...user.permissions],
  };
}
