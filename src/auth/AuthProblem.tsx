import { Show } from "solid-js";
import type { AuthError } from "./AuthError";

export interface AuthProblemProps {
  error: AuthError;
  /** Starts a fresh sign-in. */
  onSignIn: () => void;
  /** Offered when trying the same step again can help (the server was unreachable). */
  onRetry?: () => void;
}

const headings: Record<AuthError["source"], string> = {
  loadUser: "Your session could not be read",
  signinRedirect: "Sign-in could not start",
  signinCallback: "Sign-in did not complete",
  renewSilent: "Your session could not be renewed",
  signoutRedirect: "Sign-out did not reach the server",
  tabSync: "You signed out in another tab",
  signinPassword: "Password sign-in did not succeed",
};

/** What went wrong with sign-in, in plain words, and a way forward. Server text is shown as text, never as HTML. */
export function AuthProblem(props: AuthProblemProps) {
  return (
    <section class="panel problem" aria-labelledby="auth-problem-heading">
      <h1 id="auth-problem-heading" tabindex="-1">
        {headings[props.error.source]}
      </h1>
      <p role="alert">{props.error.message}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onSignIn()}>
          Sign in again
        </button>
        <Show when={props.onRetry}>
          {(retry) => (
            <button type="button" onClick={() => retry()()}>
              Try again
            </button>
          )}
        </Show>
      </div>
    </section>
  );
}
