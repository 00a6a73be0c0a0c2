import { useIsRouting, useLocation, type RouteSectionProps } from "@solidjs/router";
import { createEffect, ErrorBoundary, on, onCleanup, Show } from "solid-js";
import { toRouterPath, useAuth } from "../auth";
import { AppErrorPage } from "../components/AppErrorPage";
import { AppHeader } from "../components/AppHeader";
import { focusHeadingWhenShown } from "./focusHeadingWhenShown";

/** The frame of every page: header, main landmark, and focus moved to the new page's heading on navigation. */
export function RootLayout(props: RouteSectionProps) {
  const auth = useAuth();
  const location = useLocation();
  const isRouting = useIsRouting();
  let main: HTMLElement | undefined;
  let resetError: (() => void) | undefined;

  createEffect(
    on(
      () => location.pathname,
      () => {
        // A page that failed is forgotten once the person goes elsewhere.
        resetError?.();
        resetError = undefined;
        // After the new page has rendered (or, if its code is still loading, once it has), focus goes to its heading.
        if (main) onCleanup(focusHeadingWhenShown(main));
      },
      { defer: true },
    ),
  );

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        signedIn={auth.isAuthenticated()}
        checking={auth.state.status === "loading"}
        userName={auth.state.user?.profile.name ?? auth.state.user?.profile.preferred_username}
        busy={auth.state.status === "signingIn" || auth.state.status === "signingOut"}
        onSignIn={() =>
          // From the front door, signing in means going to the library; elsewhere, coming back here.
          void auth.signIn(
            location.pathname === auth.basePath
              ? "/assets"
              : toRouterPath(`${location.pathname}${location.search}`, auth.basePath),
          )
        }
        onSignOut={() => void auth.signOut()}
      />
      <Show when={isRouting()}>
        <div class="route-progress" role="progressbar" aria-label="Loading page" />
      </Show>
      <main id="main" ref={(element) => (main = element)}>
        <ErrorBoundary
          fallback={(error: unknown, reset) => {
            resetError = reset;
            return <AppErrorPage error={error} onRetry={reset} />;
          }}
        >
          {props.children}
        </ErrorBoundary>
      </main>
    </>
  );
}
