import { escapeHtml } from "../html";
import { FAILURE_MESSAGES, type CredentialsFailure } from "./checkCredentials";
import type { PageOptions } from "./page";

export const LOGIN_HEADING = "Sign in to MediaValet Sandbox";

export interface LoginPageState {
  /** Where the form posts: the interaction URL. */
  action: string;
  /** The application asking, as registered (e.g. "Valet"). */
  clientName: string;
  /** Kept after a failed attempt so only the password needs typing again. */
  username: string;
  /** Why the last attempt failed, if it did. */
  failure: CredentialsFailure | undefined;
  /** Accounts to show as a hint; the sandbox has nothing to hide. */
  hints: readonly { username: string; password: string }[];
}

export function loginPage(state: LoginPageState): PageOptions {
  const alert = state.failure ? `<p role="alert">${escapeHtml(FAILURE_MESSAGES[state.failure])}</p>\n` : "";
  const focusUsername = state.username === "" ? " autofocus" : "";
  const focusPassword = state.username === "" ? "" : " autofocus";
  const hints = state.hints
    .map((hint) => `<code>${escapeHtml(hint.username)}</code> / <code>${escapeHtml(hint.password)}</code>`)
    .join(", ");
  return {
    title: LOGIN_HEADING,
    body: `<h1>${escapeHtml(LOGIN_HEADING)}</h1>
<p>to continue to ${escapeHtml(state.clientName)}</p>
${alert}<form method="post" action="${escapeHtml(state.action)}" novalidate>
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" value="${escapeHtml(state.username)}"${focusUsername}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" value=""${focusPassword}>
<button type="submit">Sign in</button>
</form>
<p class="note">Sandbox accounts: ${hints}. Nothing here is real; all state is lost when the sandbox stops.</p>`,
  };
}
