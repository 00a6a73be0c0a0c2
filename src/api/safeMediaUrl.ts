import { isHttpsOrLoopback } from "../lib/isHttpsOrLoopback";

/**
 * A URL from API data that is safe to put in `src` or `href`: an absolute `https:` URL, or `http:` on a loopback
 * host. Everything else — `javascript:`, `data:`, relative paths, plain http to another machine — is undefined.
 * MediaValet's media links are pre-signed blob URLs; anything else in those fields did not come from it as intended.
 */
export function safeMediaUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  // The text as given, once the parser has read it as https or loopback http: the browser reads it the same way.
  return isHttpsOrLoopback(url) ? value.trim() : undefined;
}
