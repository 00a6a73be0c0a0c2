/**
 * Reads a `Retry-After` header, which is either a number of seconds or an HTTP date, as whole seconds from `now`.
 * Returns undefined when it is absent or unreadable, and 0 for a date already past.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // Date.parse would read "12" or "1.5" as a year or a date, so only text that looks like a date gets here.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
