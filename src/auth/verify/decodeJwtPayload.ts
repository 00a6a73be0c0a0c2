/**
 * Reads a JWT's claims without verifying anything: for facts about a token already verified or not Valet's to
 * verify (an access token's lifetime, the claims of the id_token stored at sign-in). Never for trust decisions.
 * @returns the claims, or undefined when the token is not a readable JWT
 */
export function decodeJwtPayload(jwt: string): Record<string, unknown> | undefined {
  const part = jwt.split(".")[1];
  if (!part) return undefined;
  try {
    const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    // Claims are UTF-8 (names with accents); atob gives one character per byte.
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
