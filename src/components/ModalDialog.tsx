import { createUniqueId, onCleanup, onMount, type JSX } from "solid-js";
import "./ModalDialog.css";

export interface ModalDialogProps {
  /** The dialog's heading, which also names it for assistive technology. */
  title: string;
  /** Escape, or the dialog closing in any way other than by its own buttons. */
  onCancel: () => void;
  children: JSX.Element;
}

/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside and the rest of the page inert,
 * Escape cancels, and focus goes back to where it was when the dialog closes. Rendered only while it should be open.
 */
export function ModalDialog(props: ModalDialogProps) {
  const headingId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;

  onMount(() => {
    if (!dialog) return;
    // jsdom and old engines lack showModal; an open dialog still shows its content there.
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  });
  onCleanup(() => {
    if (dialog?.open === true && typeof dialog.close === "function") dialog.close();
    returnTo?.focus();
  });

  return (
    <dialog
      ref={(element) => (dialog = element)}
      class="modal-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // The page decides whether to unmount; the browser must not close it behind Solid's back.
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
