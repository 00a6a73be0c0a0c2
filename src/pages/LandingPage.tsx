import { A } from "@solidjs/router";
import { createEffect, lazy, onMount, Show, Suspense } from "solid-js";
import { AuthProblem, useAuth, type Auth } from "../auth";

// Its own chunk: a deployment that leaves password sign-in off never downloads it.
const PasswordSignIn = lazy(() => import("./PasswordSignIn"));

/** Fetches the code the return from sign-in needs into the cache (src/prefetchSignInReturn.ts); best effort. */
function prefetchSignInReturn(): void {
  void import("../prefetchSignInReturn")
    .then((module) => module.prefetchSignInReturn(document))
    .catch(() => undefined);
}

/**
 * A visitor at the front door is likely to sign in: once the page is idle, and at the latest when a sign-in starts
 * (from this page's button or the header's), the code the callback will run is fetched, so that it comes from the
 * cache when the auth server sends the visitor back instead of competing with the token request. Browsers without
 * idle callbacks (Safari) do not prefetch either.
 */
function prefetchForSignIn(auth: Auth): void {
  onMount(() => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(prefetchSignInReturn);
  });
  createEffect(() => {
    if (auth.state.status === "signingIn") prefetchSignInReturn();
  });
}

/**
 * The front door: what Valet is, and the way in.
 * @param props.passwordSignIn the deployment's `passwordSignIn` setting: also offer the password form
 */
export default function LandingPage(props: { passwordSignIn?: boolean }) {
  const auth = useAuth();
  prefetchForSignIn(auth);
  return (
    <>
      <h1 tabindex="-1">Your MediaValet library, in the browser</h1>
      <p class="lede">
        Valet signs you in to MediaValet and lets you search and browse your assets.{" "}
        {props.passwordSignIn ? "With the Sign in button, your" : "Your"} password stays with MediaValet:
        Valet never sees it.
      </p>
      <Show
        when={auth.state.error}
        fallback={
          <Show
            when={auth.isAuthenticated()}
            fallback={
              <>
                <button
                  type="button"
                  class="primary large"
                  disabled={auth.state.status !== "signedIn" && auth.state.status !== "signedOut"}
                  onClick={() => void auth.signIn("/assets")}
                >
                  Sign in
                </button>
                <Show when={props.passwordSignIn}>
                  <Suspense>
                    <PasswordSignIn returnTo="/assets" />
                  </Suspense>
                </Show>
              </>
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
