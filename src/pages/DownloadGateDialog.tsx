import { Show } from "solid-js";
import { DownloadFormDialog } from "../components/DownloadFormDialog";
import type { createDownloadGate } from "./createDownloadGate";

export interface DownloadGateDialogProps {
  gate: Pick<ReturnType<typeof createDownloadGate>, "state" | "submit" | "cancel">;
  /** e.g. "Download harbour.jpg (Small)". */
  title: string;
  /** The submit button's text, e.g. "Accept and get the link". */
  submitLabel: string;
}

/** The library's download form, on screen while a download gate is asking for it and wired to that gate. */
export function DownloadGateDialog(props: DownloadGateDialogProps) {
  const asking = () => {
    const state = props.gate.state();
    return state.kind === "asking" ? state : undefined;
  };
  return (
    <Show when={asking()}>
      {(current) => (
        <DownloadFormDialog
          title={props.title}
          fields={current().check.fields}
          problems={current().problems}
          busy={current().busy}
          error={current().error}
          submitLabel={props.submitLabel}
          onSubmit={(values) => void props.gate.submit(values)}
          onCancel={() => props.gate.cancel()}
        />
      )}
    </Show>
  );
}
