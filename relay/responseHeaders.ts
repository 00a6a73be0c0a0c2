/**
 * Headers on every answer: never cached (tokens), and CORS only for an allowed origin. `Vary: Origin` always, since
 * the answer differs by origin.
 */
export function responseHeaders(allowedOrigin: string | undefined): Headers {
  const headers = new Headers({
    "Cache-Control": "no-store",
    Pragma: "no-cache",
    Vary: "Origin",
    "X-Content-Type-Options": "nosniff",
  });
  if (allowedOrigin !== undefined) headers.set("Access-Control-Allow-Origin", allowedOrigin);
  return headers;
}

/** Headers that answer a preflight from an allowed origin: POST with a Content-Type, nothing else. */
export function preflightHeaders(allowedOrigin: string): Headers {
  const headers = responseHeaders(allowedOrigin);
  headers.set("Access-Control-Allow-Methods", "POST");
  headers.set("Access-Control-Allow-Headers", "Content-Type");
  headers.set("Access-Control-Max-Age", "600");
  return headers;
}
