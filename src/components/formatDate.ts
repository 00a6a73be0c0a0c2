const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** An ISO timestamp in the reader's own locale and time zone; text that is not a date is shown as it came. */
export function formatDate(iso: string | undefined): string {
  if (iso === undefined || iso === "") return "—";
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : FORMAT.format(at);
}
