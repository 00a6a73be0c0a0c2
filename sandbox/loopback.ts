import { isIP } from "node:net";

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (bare === "localhost") return true;
  switch (isIP(bare)) {
    case 4:
      return bare.startsWith("127.");
    case 6:
      return bare === "::1" || bare.toLowerCase().startsWith("::ffff:127.");
    default:
      return false;
  }
}
