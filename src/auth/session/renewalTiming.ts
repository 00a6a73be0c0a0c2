import type { User } from "oidc-client-ts";
import { decodeJwtPayload } from "../verify/decodeJwtPayload";

/**
 * How long before expiry to renew: about a minute for MediaValet's hour-long tokens, and a third of the lifetime
 * for short ones (a fixed minute would renew 20-second test tokens in a loop).
 */
export function renewalLeadMs(lifetimeSeconds: number): number {
  return Math.round(Math.min(60, Math.max(1, lifetimeSeconds / 3)) * 1000);
}

/**
 * Full-jitter exponential backoff: 1 s, 2 s, 4 s … capped at 30 s, each scaled by a random factor in [0.5, 1) so
 * that tabs and clients that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() / 2));
}

// MediaValet's access tokens live an hour; assumed for tokens whose lifetime cannot be read.
const DEFAULT_LIFETIME_SECONDS = 3600;

/** The access token's whole lifetime in seconds, read from the token when it is a JWT (MediaValet's are). */
export function accessTokenLifetimeSeconds(user: User): number {
  const claims = decodeJwtPayload(user.access_token);
  const iat = claims?.["iat"];
  const exp = claims?.["exp"];
  if (typeof iat === "number" && typeof exp === "number" && exp > iat) return exp - iat;
  return DEFAULT_LIFETIME_SECONDS;
}

/** When the access token becomes due for renewal, in milliseconds since the epoch; undefined if it never expires. */
export function renewalDueAt(user: User): number | undefined {
  if (user.expires_at === undefined) return undefined;
  return user.expires_at * 1000 - renewalLeadMs(accessTokenLifetimeSeconds(user));
}

/** True when the access token is within its renewal lead of expiry, or past it. */
export function needsRenewal(user: User, nowMs: number): boolean {
  const dueAt = renewalDueAt(user);
  return dueAt !== undefined && nowMs >= dueAt - 500;
}
