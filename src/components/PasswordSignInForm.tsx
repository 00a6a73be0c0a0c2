import { createSignal, createUniqueId, Show } from "solid-js";

export interface PasswordSignInFormProps {
  /**
   * Signs in with what was typed. Resolves once the app has moved on; rejects when sign-in did not succeed. The form
   * calls it at most once at a time.
   */
  onSubmit: (username: string, password: string) => Promise<void>;
  /** The words shown (as text) for a failed attempt. */
  describeError: (error: unknown) => string;
}

type FormState = { kind: "idle" } | { kind: "submitting" } | { kind: "failed"; message: string };

/**
 * A username and password form for the resource owner password grant. The password is read from its field when the
 * form is sent, handed to `onSubmit`, and cleared from the field afterwards, whatever the answer; it is never kept
 * in state, so nothing of it outlives the request. The username stays, to try again.
 */
export function PasswordSignInForm(props: PasswordSignInFormProps) {
  const id = createUniqueId();
  const [state, setState] = createSignal<FormState>({ kind: "idle" });
  const submitting = () => state().kind === "submitting";
  const failure = () => {
    const current = state();
    return current.kind === "failed" ? current.message : undefined;
  };
  let usernameField: HTMLInputElement | undefined;
  let passwordField: HTMLInputElement | undefined;

  const onSubmit = async (event: SubmitEvent) => {
    // The browser must never send this form itself: it would go to the static host, or put the password in a URL.
    event.preventDefault();
    if (submitting() || !usernameField || !passwordField) return;
    const username = usernameField.value.trim();
    if (username === "" || passwordField.value === "") {
      setState({ kind: "failed", message: "Enter your username and your password." });
      (username === "" ? usernameField : passwordField).focus();
      return;
    }
    setState({ kind: "submitting" });
    try {
      await props.onSubmit(username, passwordField.value);
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "failed", message: props.describeError(error) });
      passwordField.focus();
    } finally {
      passwordField.value = "";
    }
  };

  return (
    <form
      class="password-form"
      method="post"
      aria-label="Sign in with a username and password"
      aria-busy={submitting()}
      onSubmit={(event) => void onSubmit(event)}
    >
      <label for={`${id}-username`}>Username</label>
      <input
        id={`${id}-username`}
        ref={(element) => (usernameField = element)}
        name="username"
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        required
        readOnly={submitting()}
      />
      <label for={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        ref={(element) => (passwordField = element)}
        name="password"
        type="password"
        autocomplete="current-password"
        required
        readOnly={submitting()}
        aria-invalid={failure() !== undefined}
        aria-describedby={failure() !== undefined ? `${id}-error` : undefined}
      />
      <Show when={failure()}>
        {(message) => (
          <p id={`${id}-error`} role="alert" class="form-error">
            {message()}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={submitting()}>
          {submitting() ? "Signing in…" : "Sign in with password"}
        </button>
      </div>
      <p role="status" class="hint">
        {submitting() ? "Signing in with your password…" : ""}
      </p>
    </form>
  );
}
