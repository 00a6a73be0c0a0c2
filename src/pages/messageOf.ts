/** What to tell a person about a failure caught in an event handler. */
export function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
