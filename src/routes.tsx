import { Route } from "@solidjs/router";
import { lazy, Show, type Component } from "solid-js";
import { RequireAuth } from "./auth";
// The start page comes with the entry: it is what a first visit shows, and the build puts it in the entry's chunk.
import LandingPage from "./pages/LandingPage";

// The callback's page too: a visitor meets it once per sign-in, and the first page has no room to carry it.
const AuthCallback = lazy(() =>
  import("./auth/AuthCallback").then(({ AuthCallback }) => ({ default: AuthCallback })),
);
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

/**
 * A page that only a signed-in person may see; anyone else goes to sign-in and comes back. Its code is fetched as
 * soon as the route matches (the router calls `preload`), alongside the session check rather than after it.
 */
function signedIn(Page: LazyPage): Component {
  const Guarded = () => (
    <RequireAuth>
      <Page />
    </RequireAuth>
  );
  // A failed fetch here is not the page's failure: rendering the page fetches again and reports it there.
  return Object.assign(Guarded, { preload: () => Page.preload().catch(() => undefined) });
}

type LazyPage = Component & { preload(): Promise<unknown> };

/** The signed-in pages by path, as the router matches them: ":name" is one segment, a trailing "?" may be absent. */
const SIGNED_IN_PAGES: readonly (readonly [path: string, page: LazyPage])[] = [
  ["/assets", LibraryPage],
  ["/assets/:id", AssetPage],
  ["/categories/:id?", CategoriesPage],
  ["/lightboxes", LightboxesPage],
  ["/lightboxes/:id", LightboxPage],
  ["/session", SessionPage],
  ["/profile", ProfilePage],
];

/** Whether the router's `path` (e.g. "/assets/a1") matches `pattern` (e.g. "/assets/:id"). */
export function matchesPath(pattern: string, path: string): boolean {
  const wanted = pattern.split("/");
  const given = path.replace(/(.)\/$/, "$1").split("/");
  return (
    given.length <= wanted.length &&
    wanted.every((part, i) => {
      const segment = given[i];
      if (segment === undefined) return part.endsWith("?");
      return part.startsWith(":") ? segment !== "" : part === segment;
    })
  );
}

/**
 * Starts fetching the code of the signed-in page at the router's `path`, if there is one: what a reload of that page
 * will render, fetched before config.json is in rather than once the route renders after it.
 */
export function preloadSignedInPage(path: string): void {
  const found = SIGNED_IN_PAGES.find(([pattern]) => matchesPath(pattern, path));
  if (found) void found[1].preload().catch(() => undefined);
}

/**
 * Every route of the app. Pages load lazily, so a route's code arrives only when it is visited; protected routes
 * sit behind RequireAuth.
 * @param props.callbackPath the redirect URI's path, relative to the router's base
 * @param props.passwordSignIn the deployment's `passwordSignIn` setting; when false, nothing of password sign-in is
 *   routed (its path is "not found") or loaded
 */
export function AppRoutes(props: { callbackPath: string; passwordSignIn: boolean }) {
  const signedInRoutes = SIGNED_IN_PAGES.map(([path, Page]) => (
    <Route path={path} component={signedIn(Page)} />
  ));
  return (
    <>
      <Route path="/" component={() => <LandingPage passwordSignIn={props.passwordSignIn} />} />
      <Show when={props.passwordSignIn}>
        <Route path="/sign-in/password" component={PasswordSignInPage} />
      </Show>
      <Route path={props.callbackPath} component={AuthCallback} />
      {signedInRoutes}
      <Route path="*404" component={NotFoundPage} />
    </>
  );
}
