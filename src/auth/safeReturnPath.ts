/**
 * Accepts a place to return to after sign-in or sign-out only when it is a path on this app, under its base path.
 * Anything else (absolute URLs, protocol-relative `//host`, `/\host`, `javascript:`, encoded slashes or
 * backslashes, control characters, empty path segments, and dot segments such as `/.//host` or `/%2e//host` that
 * resolve to `//host`) yields the base path itself.
 *
 * @param candidate what was stored with the sign-in request; never trust it, it may have been tampered with
 * @param basePath the app's base path, starting and ending with "/" (e.g. "/" or "/valet/")
 * @returns a path (with search and hash) that is safe to hand to the router
 */
export function safeReturnPath(candidate: unknown, basePath: string): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2048) return basePath;
  // Control characters and whitespace are stripped or ignored by URL parsers in surprising ways ("/\t/host").
  if (/\s/.test(candidate) || hasControlCharacter(candidate)) return basePath;
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return basePath;
  // Browsers treat "\" as "/" in special-scheme URLs, so "/\host" is protocol-relative.
  if (candidate.includes("\\")) return basePath;
  // Encoded slashes and backslashes in the path can be decoded later by a server or a router into "//host".
  const pathEnd = candidate.search(/[?#]/);
  const path = pathEnd === -1 ? candidate : candidate.slice(0, pathEnd);
  if (/%(2f|5c)/i.test(path) || /%25/i.test(path)) return basePath;
  // An empty segment is never a page of the app, and "//host" after the base is a host to the router.
  if (path.includes("//")) return basePath;

  const origin = "https://valet.invalid";
  let resolved: URL;
  try {
    resolved = new URL(candidate, origin);
  } catch {
    return basePath;
  }
  if (resolved.origin !== origin) return basePath;
  // Dot segments, plain or encoded ("/.//host", "/%2E//host"), can resolve to an empty segment that was not there.
  if (resolved.pathname.includes("//")) return basePath;
  if (!resolved.pathname.startsWith(basePath) && `${resolved.pathname}/` !== basePath) return basePath;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
