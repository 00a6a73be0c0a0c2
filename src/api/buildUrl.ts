import { ApiError } from "./ApiError";

// "." and "..", also percent-encoded ("%2e", ".%2E"…): the URL parser resolves them as "this/parent folder".
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * The URL of an API call: `path` below `baseUrl`, then the query's non-empty values.
 * @throws ApiError `not_found` when a segment of `path` is a dot segment: no MediaValet id is "." or "..", and the
 *   URL parser would turn it into another path (e.g. `/assets/..` into `/`).
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, string | number | undefined> | undefined,
): string {
  const pathOnly = path.split("?")[0] ?? "";
  if (pathOnly.split("/").some((segment) => DOT_SEGMENT.test(segment))) {
    throw new ApiError(
      "not_found",
      "There is no such item in MediaValet: its id is not one the API can be asked for.",
    );
  }
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
