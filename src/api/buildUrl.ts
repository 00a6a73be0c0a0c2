/** The URL of an API call: `path` below `baseUrl`, then the query's non-empty values. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, string | number | undefined> | undefined,
): string {
  // Always below the base: a path can never name another host, so the token cannot be sent elsewhere.
  const url = `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`;
  const pairs = Object.entries(query ?? {}).flatMap(([key, value]) =>
    value === undefined || value === ""
      ? []
      : [`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`],
  );
  if (pairs.length === 0) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${pairs.join("&")}`;
}
