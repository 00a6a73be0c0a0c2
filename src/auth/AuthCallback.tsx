import { useNavigate, type Navigator } from "@solidjs/router";
import { createEffect, createMemo, createSignal, Match, on, Switch } from "solid-js";
import { AuthError, toAuthError } from "./AuthError";
import { AuthProblem } from "./AuthProblem";
import { useAuth } from "./AuthContext";

const responseParameters = ["code", "state", "error", "iss", "session_state", "scope", "error_description"];

/** Takes the sign-in response out of the address bar and history. @returns whether `url` carried one */
function takeResponseFromAddressBar(url: string): boolean {
  const received = new URL(url).searchParams;
  const hasResponse = received.has("state") || received.has("code") || received.has("error");
  if (hasResponse) {
    const clean = new URL(url);
    for (const name of responseParameters) clean.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", `${clean.pathname}${clean.search}`);
  }
  return hasResponse;
}

/**
 * Goes on without ever leaving the page on "Completing sign-in…": the router throws on a path it cannot route
 * (safeReturnPath refuses those first; this is the backstop), and then the start page is the way on.
 */
function goOnOrStart(navigate: Navigator, path: string, fail: (error: AuthError) => void): void {
  try {
    navigate(path, { replace: true });
  } catch {
    try {
      navigate("/", { replace: true });
    } catch (error) {
      fail(
        new AuthError(
          "signinCallback",
          "callback_invalid",
          "Valet could not open the page to go on to. Sign in again to start afresh.",
          { cause: error },
        ),
      );
    }
  }
}

/**
 * The redirect URI's page. Completes the sign-in once, takes `code` and `state` out of the address bar and out of
 * history before anything else happens, and goes on to the saved page (only when it is a path on this app).
 */
export function AuthCallback() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<AuthError>();

  const goOn = (path: string) => goOnOrStart(navigate, path, setFailure);

  const url = window.location.href;
  const hasResponse = takeResponseFromAddressBar(url);

  // A memo, so the effect runs when loading ends, not on every later change of status: the exchange itself moves the
  // status on (signing in, signed in), and each run would call completeSignIn and navigate once more.
  const startingUp = createMemo(() => auth.state.status === "loading");
  createEffect(
    on(
      startingUp,
      (loading) => {
        if (loading) return;
        if (hasResponse) {
          auth.completeSignIn(url).then(
            (returnTo) => goOn(returnTo),
            (error: unknown) => {
              const authError = toAuthError("signinCallback", error);
              if (authError.code === "callback_invalid") {
                // A reload, Back, or a second window: the code is spent. Go on if signed in, else start afresh
                // once (automatic sign-ins are capped, so this cannot loop).
                if (auth.isAuthenticated()) goOn("/");
                else void auth.signIn("/", { automatic: true });
                return;
              }
              setFailure(authError);
            },
          );
        } else if (auth.isAuthenticated()) {
          // A reload of, or Back onto, an already-completed callback: the code is spent, the user is signed in.
          goOn("/");
        } else if (auth.state.error) {
          setFailure(auth.state.error);
        } else {
          setFailure(
            new AuthError(
              "signinCallback",
              "callback_invalid",
              "There is no sign-in to complete here. Start a new sign-in.",
            ),
          );
        }
      },
      { defer: false },
    ),
  );

  return (
    <Switch fallback={<p role="status">Completing sign-in…</p>}>
      <Match when={auth.state.error?.code === "sign_in_loop" ? auth.state.error : undefined}>
        {(error) => <AuthProblem error={error()} onSignIn={() => void auth.signIn("/")} />}
      </Match>
      <Match when={failure()}>
        {(error) => <AuthProblem error={error()} onSignIn={() => void auth.signIn("/")} />}
      </Match>
    </Switch>
  );
}
