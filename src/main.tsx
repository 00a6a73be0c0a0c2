import { Router } from "@solidjs/router";
import { render } from "solid-js/web";
import { createLazyApiClient } from "./api";
import { AuthProvider, createAuth, createLazyUserManager, hasStoredSession, toRouterPath } from "./auth";
import { ConfigErrorPage, loadConfig, type ValetConfig } from "./config";
import { ApiContext } from "./pages/ApiContext";
import { RootLayout } from "./pages/RootLayout";
import { AppRoutes } from "./routes";
import "./styles.css";

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

const userManager = createLazyUserManager({
  authority: config.authority,
  issuer: config.issuer,
  clientId: config.clientId,
  scope: config.scope,
  redirectUri: config.redirectUri,
  postLogoutRedirectUri: config.postLogoutRedirectUri,
  basePath,
});

render(() => {
  const auth = createAuth({ userManager, basePath, idleSignOutMinutes: config.idleSignOutMinutes });
  const api = createLazyApiClient({
    baseUrl: config.apiBaseUrl,
    subscriptionKey: config.subscriptionKey,
    apiVersion: config.apiVersion,
    getAccessToken: () => auth.getAccessToken(),
    renewAccessToken: () => auth.renew(),
    fetch: window.fetch.bind(window),
  });
  // A returning visitor's page will call the API: fetch its code alongside the page's, not after it.
  if (hasStoredSession(window.localStorage)) api.preload();
  const callbackPath = toRouterPath(new URL(config.redirectUri).pathname, basePath);
  return (
    <AuthProvider auth={auth}>
      <ApiContext.Provider value={api}>
        <Router root={RootLayout} base={basePath === "/" ? undefined : basePath.replace(/\/$/, "")}>
          <AppRoutes callbackPath={callbackPath} passwordSignIn={config.passwordSignIn} />
        </Router>
      </ApiContext.Provider>
    </AuthProvider>
  );
}, root);
