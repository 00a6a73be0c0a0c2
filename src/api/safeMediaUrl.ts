const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for a host name that can only mean this machine: the sandbox and local development. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

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
  if (url.protocol === "https:") return value.trim();
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return value.trim();
  return undefined;
}
