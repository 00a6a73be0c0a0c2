const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for a host name that can only mean this machine: the sandbox and local development. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * The one rule for every URL Valet talks to or shows (config.json's servers, discovery's endpoints, media links):
 * https, or plain http only to this machine, where nobody else is on the wire.
 */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}
