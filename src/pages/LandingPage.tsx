import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { AuthProblem, useAuth } from "../auth";

/** The front door: what Valet is, and the way in. */
export default function LandingPage() {
  const auth = useAuth();
  return (
    <>
      <h1 tabindex="-1">Your MediaValet library, in the browser</h1>
      <p class="lede">
        Valet signs you in to MediaValet and lets you search and browse your assets. Your password stays with
        MediaValet: Valet never sees it.
      </p>
      <Show
        when={auth.state.error}
        fallback={
          <Show
            when={auth.isAuthenticated()}
            fallback={
              <button
                type="button"
                class="primary large"
                disabled={auth.state.status === "redirecting" || auth.state.status === "loading"}
                onClick={() => void auth.signIn("/assets")}
              >
                Sign in
              </button>
            }
          >
            <A href="/assets" class="button primary large">
              Open your library
            </A>
          </Show>
        }
      >
        {(error) => <AuthProblem error={error()} onSignIn={() => void auth.signIn("/assets")} />}
      </Show>
    </>
  );
}
