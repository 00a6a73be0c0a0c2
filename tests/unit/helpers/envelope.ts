/**
 * A 200 (or `status`) JSON response in the MediaValet API's envelope: `{ apiVersion, warnings, errors, payload }`,
 * with `extra` fields laid over it (e.g. `{ recordCount }`, or `{ errors: [...] }` for a failure).
 */
export function envelope(payload: unknown, extra: Record<string, unknown> = {}, status = 200): Response {
  return new Response(JSON.stringify({ apiVersion: "1.0", warnings: [], errors: [], payload, ...extra }), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}
