import { A } from "@solidjs/router";
import { lazy, onMount, Show, Suspense } from "solid-js";
import { AuthProblem, useAuth } from "../auth";

// Its own chunk: a deployment that leaves password sign-in off never downloads it.
const PasswordSignIn = lazy(() => import("./PasswordSignIn"));

/**
 * The front door: what Valet is, and the way in.
 * @param props.passwordSignIn the deployment's `passwordSignIn` setting: also offer the password form
 */
export default function LandingPage(props: { passwordSignIn?: boolean }) {
  const auth = useAuth();
  // The code a return from sign-in will need, fetched while the visitor is here (src/prefetchForSignIn.ts).
  onMount(() => {
    import("../prefetchForSignIn").then(
      (module) => module.prefetchForSignIn(auth),
      () => undefined,
    );
  });
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
