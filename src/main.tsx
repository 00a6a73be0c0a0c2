import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { createApiClient } from "./api";
import { AuthCallback, AuthProvider, createAuth, createUserManager, RequireAuth } from "./auth";
import { ConfigErrorPage, loadConfig, type ValetConfig } from "./config";
import { ApiContext } from "./pages/ApiContext";
import { RootLayout } from "./pages/RootLayout";
import "./styles.css";

const LandingPage = lazy(() => import("./pages/LandingPage"));
const LibraryPage = lazy(() => import("./pages/LibraryPage"));
const ProfilePage = lazy(() => import("./pages/ProfilePage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");
root.textContent = "";

// The base path the build was made for ("/" or e.g. "/valet/"); everything the app links to stays under it.
const basePath = import.meta.env.BASE_URL;
const appBaseUrl = new URL(basePath, window.location.origin).href;

let config: ValetConfig;
try {
  config = await loadConfig(window.fetch.bind(window), `${basePath}config.json`, appBaseUrl);
} catch (error) {
  render(() => <ConfigErrorPage error={error instanceof Error ? error : new Error(String(error))} />, root);
  throw error;
}

const userManager = createUserManager({
  authority: config.authority,
  issuer: config.issuer,
  clientId: config.clientId,
  scope: config.scope,
  redirectUri: config.redirectUri,
  postLogoutRedirectUri: config.postLogoutRedirectUri,
  basePath,
});

render(() => {
  const auth = createAuth({ userManager, basePath });
  const api = createApiClient({
    baseUrl: config.apiBaseUrl,
    subscriptionKey: config.subscriptionKey,
    apiVersion: config.apiVersion,
    getAccessToken: () => auth.getAccessToken(),
    renewAccessToken: () => auth.renew(),
    fetch: window.fetch.bind(window),
  });
  const callbackPath = new URL(config.redirectUri).pathname;
  return (
    <AuthProvider auth={auth}>
      <ApiContext.Provider value={api}>
        <Router root={RootLayout} base={basePath === "/" ? undefined : basePath.replace(/\/$/, "")}>
          <Route path="/" component={LandingPage} />
          <Route path={callbackPath} component={() => <AuthCallback basePath="/" />} />
          <Route
            path="/assets"
            component={() => (
              <RequireAuth>
                <LibraryPage />
              </RequireAuth>
            )}
          />
          <Route
            path="/profile"
            component={() => (
              <RequireAuth>
                <ProfilePage />
              </RequireAuth>
            )}
          />
          <Route path="*404" component={NotFoundPage} />
        </Router>
      </ApiContext.Provider>
    </AuthProvider>
  );
}, root);
