import { A, useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";
import { useAuth } from "../auth";
import { firstParam } from "./firstParam";
import PasswordSignIn from "./PasswordSignIn";

/**
 * `/sign-in/password`: password sign-in on a page of its own, for a link or a bookmark where people are told to use
 * it; `?returnTo=/assets?search=beach` names the page to open afterwards. The route exists only when the deployment
 * turns password sign-in on.
 */
export default function PasswordSignInPage() {
  const auth = useAuth();
  const [params] = useSearchParams();
  return (
    <>
      <h1 tabindex="-1">Sign in to Valet</h1>
      <Show
        when={!auth.isAuthenticated()}
        fallback={
          <A href="/assets" class="button primary large">
            Open your library
          </A>
        }
      >
        <p class="lede">Sign in at MediaValet, where only MediaValet sees your password:</p>
        <button
          type="button"
          class="primary large"
          disabled={auth.state.status !== "signedIn" && auth.state.status !== "signedOut"}
          onClick={() => void auth.signIn(firstParam(params.returnTo) ?? "/assets")}
        >
          Sign in
        </button>
        <PasswordSignIn returnTo={firstParam(params.returnTo) ?? "/assets"} />
      </Show>
    </>
  );
}
