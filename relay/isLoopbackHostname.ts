/**
 * True for host names only this machine can reach, as `URL.hostname` spells them. Plain string checks rather than
 * node:net, so the relay runs unchanged where Node's modules do not exist (Workers, Deno).
 */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
