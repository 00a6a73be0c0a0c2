import type { BulkPartResponse } from "./bulkMultipart";
import { normalizeEnvelope } from "./normalizeEnvelope";
import { readErrorBody } from "./readErrorBody";

/** How one sub-request of a batch ended, in words a person can act on. */
export type PartOutcome = { state: "succeeded" } | { state: "failed"; status: number; reason: string };

/**
 * Reads one part's answer. A 2xx whose envelope lists `errors` failed too: MediaValet skips PATCH operations it
 * cannot apply and still answers 200 (research §5), and a skipped edit must not be reported as saved.
 */
export function readPartOutcome(part: BulkPartResponse): PartOutcome {
  if (part.status >= 200 && part.status < 300) {
    const errors = envelopeErrors(part.body);
    if (errors.length === 0) return { state: "succeeded" };
    return { state: "failed", status: part.status, reason: `MediaValet skipped it: ${errors.join("; ")}` };
  }
  const said = readErrorBody(part.body).message;
  const status = `${part.status}${part.reason ? ` ${part.reason}` : ""}`;
  return {
    state: "failed",
    status: part.status,
    reason: said === undefined ? status : `${said} (${status})`,
  };
}

function envelopeErrors(body: string): string[] {
  if (body.trim() === "") return [];
  try {
    const envelope = normalizeEnvelope(JSON.parse(body));
    return (envelope?.errors ?? []).map((error) => error.message ?? error.code ?? "an unnamed error");
  } catch {
    return [];
  }
}
