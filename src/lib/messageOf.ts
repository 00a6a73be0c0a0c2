/**
 * What to tell a person about a failure, wherever it was caught (a click handler, an error boundary): an Error's
 * own message, which Valet's errors word for people, or anything else as text.
 */
export function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
