import { createEffect, createRoot } from "solid-js";
import type { Auth } from "./auth";
import { prefetchSignInReturn } from "./prefetchSignInReturn";

/**
 * A visitor at the front door is likely to sign in. Once the page is idle, and at the latest when a sign-in starts
 * (from the start page's button or the header's), the code the return from the auth server will run is fetched into
 * the cache, so that the callback does not fetch it then, alongside its token request. The start page calls this
 * from a lazily loaded chunk, which keeps it off the first page's budget. Browsers without idle callbacks (Safari)
 * have no prefetch either; there it waits for a sign-in, where adding the links costs nothing.
 * @param fetchCode what fetches the code (injectable for tests)
 */
export function prefetchForSignIn(
  auth: Pick<Auth, "state">,
  fetchCode: () => void = () => prefetchSignInReturn(window.document),
): void {
  createRoot((dispose) => {
    let done = false;
    const prefetch = () => {
      if (done) return;
      done = true;
      dispose();
      fetchCode();
    };
    if (typeof requestIdleCallback === "function") {
      requestIdleCallback(() => {
        // Someone signed in who is at the front door is not about to sign in: for them it would be a wasted download.
        if (auth.state.status === "signedOut") prefetch();
      });
    }
    createEffect(() => {
      if (auth.state.status === "signingIn") prefetch();
    });
  });
}
