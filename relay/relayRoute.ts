/** The two requests the relay serves, named after the last segment of the path they arrive at. */
export type RelayRoute = "token" | "revocation";

/**
 * Which route a path asks for, or undefined. Only the last segment counts, so the relay works under any mount path
 * (`/relay/token`, `/.netlify/functions/relay/token`); it must match exactly (`/token/` or `/tokens` do not).
 */
export function relayRoute(pathname: string): RelayRoute | undefined {
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return last === "token" || last === "revocation" ? last : undefined;
}
