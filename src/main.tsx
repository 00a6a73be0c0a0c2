import { Router } from "@solidjs/router";
import type { JSX } from "solid-js";
import { render } from "solid-js/web";
import { createLazyApiClient, loadApiClientCode } from "./api/createLazyApiClient";
import { AuthProvider, createAuth, createLazyUserManager, hasStoredSession, toRouterPath } from "./auth";
import { loadUserManagerCode } from "./auth/createLazyUserManager";
import { lazyDPoPProver } from "./auth/dpop/lazyDPoPProver";
import { lazyRequestAuthorizer, loadRequestAuthorizerCode } from "./auth/lazyRequestAuthorizer";
import { loadVerificationCode } from "./auth/verify/loadVerificationCode";
import { ConfigErrorPage, loadConfig, type ValetConfig } from "./config";
import { ApiContext } from "./pages/ApiContext";
import { RootLayout } from "./pages/RootLayout";
import { preloadForLocation } from "./preloadForLocation";
import { AppRoutes, preloadCallbackPage, preloadLibraryPage, preloadSignedInPage } from "./routes";
import "./styles.css";
import { installTemplatePolicy } from "./installTemplatePolicy";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");
/** Renders the app in place of index.html's "Loading Valet…", which stays until then (also while config.json loads). */
const mount = (app: () => JSX.Element) => {
  root.textContent = "";
  render(app, root);
};
// Before anything renders: the site's CSP requires Trusted Types for script sinks (docs/deploying.md).
installTemplatePolicy();

// The base path the build was made for ("/" or e.g. "/valet/"); everything the app links to stays under it.
const basePath = import.meta.env.BASE_URL;
const appBaseUrl = new URL(basePath, window.location.origin).href;

// What this load will need, fetched while config.json is (index.html preloads it with the HTML).
const afterTokenRequest = preloadForLocation(window.location, basePath, window.localStorage, {
  authClient: () => void loadUserManagerCode().catch(() => undefined),
  callbackPage: preloadCallbackPage,
  verification: () => void loadVerificationCode().catch(() => undefined),
  apiClient: () => {
    void loadApiClientCode().catch(() => undefined);
    // Every API call waits for the request authorizer too.
    void loadRequestAuthorizerCode().catch(() => undefined);
  },
  libraryPage: preloadLibraryPage,
  signedInPage: preloadSignedInPage,
});

let config: ValetConfig;
try {
  config = await loadConfig(window.fetch.bind(window), `${basePath}config.json`, appBaseUrl);
} catch (error) {
  mount(() => <ConfigErrorPage error={error instanceof Error ? error : new Error(String(error))} />);
  throw error;
}

const apiSettings = {
  baseUrl: config.apiBaseUrl,
  subscriptionKey: config.subscriptionKey,
  apiVersion: config.apiVersion,
  fetch: window.fetch.bind(window),
};

const userManager = createLazyUserManager({
  authority: config.authority,
  issuer: config.issuer,
  clientId: config.clientId,
  scope: config.scope,
  redirectUri: config.redirectUri,
  postLogoutRedirectUri: config.postLogoutRedirectUri,
  basePath,
  tokenRelayUrl: config.tokenRelayUrl,
  dpop: config.dpop,
  // A password session has no id_token: who signed in comes from the API, asked with the new access token before
  // the session is stored (so not through the app's client, which only knows the stored session's token).
  loadIdentity: async (accessToken) => {
    const user = await createLazyApiClient({
      ...apiSettings,
      // The password grant carries no DPoP proof, so its token is a bearer token.
      authorizer: lazyRequestAuthorizer({ getToken: () => ({ access_token: accessToken }) }),
    }).getCurrentUser();
    return {
      id: user.id,
      userName: user.userName,
      name: [user.firstName, user.lastName].filter(Boolean).join(" "),
      email: user.emailAddress,
    };
  },
});

mount(() => {
  const auth = createAuth({
    userManager,
    basePath,
    idleSignOutMinutes: config.idleSignOutMinutes,
    // The token request goes out within the microtasks after the exchange starts, once oidc-client-ts is in: a task
    // after both, what the app needs only after the tokens starts loading.
    onCodeExchange: afterTokenRequest
      ? () => {
          const start = () => void setTimeout(afterTokenRequest);
          loadUserManagerCode().then(start, start);
        }
      : undefined,
  });
  const api = createLazyApiClient({
    ...apiSettings,
    authorizer: lazyRequestAuthorizer({
      getToken: () => {
        const accessToken = auth.getAccessToken();
        return accessToken
          ? { access_token: accessToken, token_type: auth.state.user?.token_type }
          : undefined;
      },
      renewToken: () => auth.renew(),
      ...(config.dpop ? { dpop: lazyDPoPProver(config.clientId) } : {}),
    }),
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
});
