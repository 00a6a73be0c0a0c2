import { createSignal, onCleanup } from "solid-js";
import type { DownloadAnswer, DownloadCheck, DownloadEndpoints } from "../api/downloadEndpoints";
import {
  answerProblems,
  toDownloadAnswers,
  type AnswerProblem,
  type DownloadFormValues,
} from "./downloadAnswers";
import { messageOf } from "../lib/messageOf";

/** Where a download stands between "Download" and the link: MediaValet's rules are asked first and honoured. */
export type DownloadGateState =
  | { kind: "idle" }
  | { kind: "checking" }
  | {
      kind: "asking";
      check: DownloadCheck;
      problems: readonly AnswerProblem[];
      busy: boolean;
      error?: string;
    }
  | { kind: "sending" }
  | { kind: "failed"; message: string };

/**
 * The gate before any download: ask `/downloads/validate`, show its terms and form when it has one, check the answers,
 * and only then run `proceed` with them (which asks MediaValet for the link or the archive). A refusal from MediaValet
 * (its rules unmet, 403) keeps the form open with MediaValet's reason; nothing is handed over before the rules are met.
 * @param proceed gets the check and the answers; what it resolves ends the gate (back to idle)
 */
export function createDownloadGate(
  api: Pick<DownloadEndpoints, "checkDownload">,
  isDirectDownload: boolean,
  proceed: (check: DownloadCheck, answers: DownloadAnswer[], signal: AbortSignal) => Promise<void>,
) {
  const [state, setState] = createSignal<DownloadGateState>({ kind: "idle" });
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  const fresh = () => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };

  async function send(check: DownloadCheck, answers: DownloadAnswer[], signal: AbortSignal, asked: boolean) {
    if (asked) setState({ kind: "asking", check, problems: [], busy: true });
    else setState({ kind: "sending" });
    try {
      await proceed(check, answers, signal);
      if (!signal.aborted) setState({ kind: "idle" });
    } catch (error) {
      if (signal.aborted) return;
      // With a form on screen, MediaValet's reason belongs beside it, so the person can correct and resend.
      if (asked) setState({ kind: "asking", check, problems: [], busy: false, error: messageOf(error) });
      else setState({ kind: "failed", message: messageOf(error) });
    }
  }

  return {
    state,
    /** Asks MediaValet's rules; with none to meet, goes straight on. */
    async start() {
      const signal = fresh();
      setState({ kind: "checking" });
      let check: DownloadCheck;
      try {
        check = await api.checkDownload(isDirectDownload, signal);
      } catch (error) {
        if (!signal.aborted) setState({ kind: "failed", message: messageOf(error) });
        return;
      }
      if (signal.aborted) return;
      if (check.fields.length === 0) await send(check, [], signal, false);
      else setState({ kind: "asking", check, problems: [], busy: false });
    },
    /** The form's answers: checked here first, so MediaValet is asked only with a complete form. */
    async submit(values: DownloadFormValues) {
      const current = state();
      if (current.kind !== "asking" || current.busy) return;
      const problems = answerProblems(current.check.fields, values);
      if (problems.length > 0) {
        setState({ ...current, problems, error: undefined });
        return;
      }
      await send(current.check, toDownloadAnswers(current.check.fields, values), fresh(), true);
    },
    cancel() {
      controller?.abort();
      setState({ kind: "idle" });
    },
  };
}
