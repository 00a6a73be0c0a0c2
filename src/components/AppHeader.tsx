import { A } from "@solidjs/router";
import { Show } from "solid-js";

export interface AppHeaderProps {
  /** The signed-in person's name; absent when signed out. */
  userName?: string;
  signedIn: boolean;
  /**
   * True while the stored session is still being read at start-up: neither "Sign in" nor the user's menu is offered
   * yet, so a signed-in person reloading a page never sees (or clicks) a "Sign in" that does not apply to them.
   */
  checking?: boolean;
  /** True while a sign-in (its redirect, or the callback's code exchange) or a sign-out is under way. */
  busy: boolean;
  onSignIn: () => void;
  onSignOut: () => void;
}

/** The banner on every page: the product name, the main navigation and the user menu. */
export function AppHeader(props: AppHeaderProps) {
  return (
    <header class="app-header">
      <A href="/" class="brand" end>
        Valet
      </A>
      <Show when={props.signedIn}>
        <nav aria-label="Main">
          <ul>
            <li>
              <A href="/assets">Library</A>
            </li>
            <li>
              <A href="/categories">Categories</A>
            </li>
            <li>
              <A href="/lightboxes">Lightboxes</A>
            </li>
            <li>
              <A href="/profile">Profile</A>
            </li>
            <li>
              <A href="/session">Session</A>
            </li>
          </ul>
        </nav>
      </Show>
      <div class="user-menu">
        <Show when={!props.checking}>
          <Show
            when={props.signedIn}
            fallback={
              <button type="button" class="primary" disabled={props.busy} onClick={() => props.onSignIn()}>
                Sign in
              </button>
            }
          >
            <span class="user-name" data-testid="user-name">
              {props.userName}
            </span>
            <button type="button" disabled={props.busy} onClick={() => props.onSignOut()}>
              Sign out
            </button>
          </Show>
        </Show>
      </div>
    </header>
  );
}
