import type { Middleware } from "koa";
import type { SandboxStats } from "./controlTypes";

export interface AuthPaths {
  discovery: string;
  jwks: string;
  userinfo: string;
  revocation: string;
  endSession: string;
}

type Counter = keyof Pick<
  SandboxStats,
  "discoveryRequests" | "jwksRequests" | "userinfoRequests" | "revocations" | "endSessions"
>;

/** Counts requests to the auth server's endpoints for `stats()`. CORS preflights are not requests to count. */
export function countAuthRequests(paths: AuthPaths, stats: SandboxStats): Middleware {
  const counters = new Map<string, Counter>([
    [paths.discovery, "discoveryRequests"],
    [paths.jwks, "jwksRequests"],
    [paths.userinfo, "userinfoRequests"],
    [paths.revocation, "revocations"],
    [paths.endSession, "endSessions"],
  ]);
  return async (ctx, next) => {
    const counter = ctx.method === "OPTIONS" ? undefined : counters.get(ctx.path);
    if (counter) stats[counter]++;
    await next();
  };
}

/** Counts a token request by its grant type. */
export function countGrant(stats: SandboxStats, grantType: unknown): void {
  switch (grantType) {
    case "authorization_code":
      stats.codeGrants++;
      return;
    case "refresh_token":
      stats.refreshGrants++;
      return;
    case "password":
      stats.passwordGrants++;
      return;
    case "client_credentials":
      stats.clientCredentialsGrants++;
      return;
    default:
      return;
  }
}
