import { Navigate, useLocation } from "@solidjs/router";
import { createEffect, Match, Switch, type JSX } from "solid-js";
import { AuthProblem } from "./AuthProblem";
import { useAuth } from "./AuthContext";
import { toRouterPath } from "./routerPath";

/**
 * Guards a route: its children render only while the access token is valid. A signed-out visitor is sent to
 * sign-in and brought back to exactly this page (path, search and hash). After a failure it stops and explains,
 * rather than redirecting in a loop; after a sign-out in another tab it leaves for the start page.
 */
export function RequireAuth(props: { children: JSX.Element }) {
  const auth = useAuth();
  const location = useLocation();
  const here = () => toRouterPath(`${location.pathname}${location.search}${location.hash}`, auth.basePath);

  createEffect(() => {
    if (auth.state.status === "signedOut" && !auth.state.error) void auth.signIn(here(), { automatic: true });
  });

  return (
    <Switch fallback={<p role="status">Checking your session…</p>}>
      <Match when={auth.isAuthenticated()}>{props.children}</Match>
      <Match when={auth.state.error?.code === "signed_out_elsewhere"}>
        <Navigate href="/" />
      </Match>
      <Match when={auth.state.error}>
        {(error) => (
          <AuthProblem
            error={error()}
            onSignIn={() => void auth.signIn(here())}
            onRetry={auth.state.user ? () => void auth.renew() : undefined}
          />
        )}
      </Match>
      <Match when={auth.state.status === "signingOut"}>
        <p role="status">Signing you out…</p>
      </Match>
      <Match when={auth.state.status === "signedOut" || auth.state.status === "signingIn"}>
        <p role="status">Taking you to sign in…</p>
      </Match>
      <Match when={auth.state.status === "signedIn"}>
        <p role="status">Renewing your session…</p>
      </Match>
    </Switch>
  );
}
