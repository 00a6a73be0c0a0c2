import { Route } from "@solidjs/router";
import { lazy, Show, type Component } from "solid-js";
import { RequireAuth } from "./auth";

// The callback's page too: a visitor meets it once per sign-in, and the first page has no room to carry it.
const AuthCallback = lazy(() =>
  import("./auth/AuthCallback").then(({ AuthCallback }) => ({ default: AuthCallback })),
);
const LandingPage = lazy(() => import("./pages/LandingPage"));
const LibraryPage = lazy(() => import("./pages/LibraryPage"));
const AssetPage = lazy(() => import("./pages/AssetPage"));
const CategoriesPage = lazy(() => import("./pages/CategoriesPage"));
const LightboxesPage = lazy(() => import("./pages/LightboxesPage"));
const LightboxPage = lazy(() => import("./pages/LightboxPage"));
const ProfilePage = lazy(() => import("./pages/ProfilePage"));
const SessionPage = lazy(() => import("./pages/SessionPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));
const PasswordSignInPage = lazy(() => import("./pages/PasswordSignInPage"));

/** Starts fetching the library page's code: where a sign-in from the start page returns. */
export function preloadLibraryPage(): void {
  void LibraryPage.preload().catch(() => undefined);
}

/** Starts fetching the code of the redirect URI's page, which completes a sign-in. */
export function preloadCallbackPage(): void {
  void AuthCallback.preload().catch(() => undefined);
}

/** Starts fetching the start page's code. */
export function preloadStartPage(): void {
  void LandingPage.preload().catch(() => undefined);
}

/**
 * A page that only a signed-in person may see; anyone else goes to sign-in and comes back. Its code is fetched as
 * soon as the route matches (the router calls `preload`), alongside the session check rather than after it.
 */
function signedIn(Page: Component & { preload(): Promise<unknown> }): Component {
  const Guarded = () => (
    <RequireAuth>
      <Page />
    </RequireAuth>
  );
  // A failed fetch here is not the page's failure: rendering the page fetches again and reports it there.
  return Object.assign(Guarded, { preload: () => Page.preload().catch(() => undefined) });
}

/**
 * Every route of the app. Pages load lazily, so a route's code arrives only when it is visited; protected routes
 * sit behind RequireAuth.
 * @param props.callbackPath the redirect URI's path, relative to the router's base
 * @param props.passwordSignIn the deployment's `passwordSignIn` setting; when false, nothing of password sign-in is
 *   routed (its path is "not found") or loaded
 */
export function AppRoutes(props: { callbackPath: string; passwordSignIn: boolean }) {
  return (
    <>
      <Route path="/" component={() => <LandingPage passwordSignIn={props.passwordSignIn} />} />
      <Show when={props.passwordSignIn}>
        <Route path="/sign-in/password" component={PasswordSignInPage} />
      </Show>
      <Route path={props.callbackPath} component={AuthCallback} />
      <Route path="/assets" component={signedIn(LibraryPage)} />
      <Route path="/assets/:id" component={signedIn(AssetPage)} />
      <Route path="/categories/:id?" component={signedIn(CategoriesPage)} />
      <Route path="/lightboxes" component={signedIn(LightboxesPage)} />
      <Route path="/lightboxes/:id" component={signedIn(LightboxPage)} />
      <Route path="/session" component={signedIn(SessionPage)} />
      <Route path="/profile" component={signedIn(ProfilePage)} />
      <Route path="*404" component={NotFoundPage} />
    </>
  );
}
