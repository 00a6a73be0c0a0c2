import { A } from "@solidjs/router";
import { messageOf } from "../lib/messageOf";

export interface AppErrorPageProps {
  error: unknown;
  /** Renders the page again. */
  onRetry: () => void;
}

/** The last line of defence: a page failed in a way it did not handle itself. */
export function AppErrorPage(props: AppErrorPageProps) {
  const message = () => messageOf(props.error);
  return (
    <section class="panel problem">
      <h1 tabindex="-1">Something went wrong</h1>
      <p>Valet hit a problem it did not expect while showing this page.</p>
      <p role="alert">{message()}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onRetry()}>
          Try again
        </button>
        <A href="/" class="button">
          Go to the start page
        </A>
      </div>
    </section>
  );
}
