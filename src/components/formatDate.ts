// Made on first use, not when the module loads: the first Intl formatter of a page sets up the locale's data, which
// took 10-17 ms of the callback page's main thread while the library (which shows no dates) was loading (issue 16).
let format: Intl.DateTimeFormat | undefined;

/** An ISO timestamp in the reader's own locale and time zone; text that is not a date is shown as it came. */
export function formatDate(iso: string | undefined): string {
  if (iso === undefined || iso === "") return "—";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  format ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return format.format(at);
}
