/** True when a response's Access-Control-Allow-Origin lets a page on `origin` read it (no credentials are sent). */
export function allowsOrigin(headers: Headers, origin: string): boolean {
  const allowed = headers.get("access-control-allow-origin")?.trim();
  return allowed === origin || allowed === "*";
}

/** What Access-Control-Allow-Origin said, for the report. */
export function allowedOriginText(headers: Headers): string {
  const allowed = headers.get("access-control-allow-origin");
  return allowed === null ? "no Access-Control-Allow-Origin" : `Access-Control-Allow-Origin "${allowed}"`;
}

/**
 * The requested headers a preflight answer does not allow. `*` allows every header but Authorization, which the
 * Fetch standard requires to be named.
 */
export function headersNotAllowed(headers: Headers, requested: readonly string[]): string[] {
  const allowed = new Set(
    (headers.get("access-control-allow-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ""),
  );
  return requested.filter((name) => {
    const lower = name.toLowerCase();
    return !allowed.has(lower) && !(allowed.has("*") && lower !== "authorization");
  });
}

/** Whether a preflight answer allows `method`; GET, HEAD and POST need not be listed (Fetch's CORS-safelisted methods). */
export function allowsMethod(headers: Headers, method: string): boolean {
  if (["GET", "HEAD", "POST"].includes(method)) return true;
  const allowed = (headers.get("access-control-allow-methods") ?? "").split(",").map((name) => name.trim());
  return allowed.includes(method) || allowed.includes("*");
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
