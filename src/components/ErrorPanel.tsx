import { Show } from "solid-js";

export interface ErrorPanelProps {
  title: string;
  message: string;
  /** Offered as a "Try again" button when given. */
  onRetry?: () => void;
}

/** A failure, said plainly, with the way forward. */
export function ErrorPanel(props: ErrorPanelProps) {
  return (
    <section class="panel problem">
      <h2>{props.title}</h2>
      <p role="alert">{props.message}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </section>
  );
}
