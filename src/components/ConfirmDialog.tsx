import { ModalDialog } from "./ModalDialog";

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, said plainly (e.g. "The lightbox and its list go; the assets stay in the library."). */
  message: string;
  /** The confirming button's text, naming the action ("Delete lightbox"), never just "OK". */
  confirmLabel: string;
  busy: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone; Cancel holds the focus first, so Enter never destroys by accident. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <ModalDialog title={props.title} onCancel={() => props.onCancel()}>
      <p>{props.message}</p>
      <p role="alert" class="form-error">
        {props.error ?? ""}
      </p>
      <div class="dialog-actions">
        <button type="button" autofocus onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button type="button" class="danger" disabled={props.busy} onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
