import { createHash, randomBytes } from "node:crypto";
import type { Sandbox } from "../../../sandbox/startSandbox";
import { DEMO_USER } from "../../../sandbox/users";
import { CookieJar } from "./cookieJar";

/** Where the tests pretend Valet is served from; pass it to startSandbox's appOrigins. */
export const TEST_APP_ORIGIN = "http://127.0.0.1:5173";
export const TEST_REDIRECT_URI = `${TEST_APP_ORIGIN}/callback`;
export const TEST_CLIENT_ID = "valet";
export const DEFAULT_SCOPE = "openid api offline_access";

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface AuthorizationRequestOptions {
  scope?: string;
  redirectUri?: string;
  clientId?: string;
  /** Leave out `code_challenge` (to test that PKCE is required). */
  withoutPkce?: boolean;
  /** Added to (or, when undefined, removed from) the query. */
  extraParams?: Record<string, string | undefined>;
}

const randomToken = (): string => randomBytes(32).toString("base64url");

/** Builds `/connect/authorize?…` exactly as Valet does: code flow, PKCE S256, state and nonce. */
export function authorizationRequest(
  sandbox: Sandbox,
  options: AuthorizationRequestOptions = {},
): AuthorizationRequest {
  const codeVerifier = randomToken();
  const state = randomToken();
  const nonce = randomToken();
  const redirectUri = options.redirectUri ?? TEST_REDIRECT_URI;
  const url = new URL("/connect/authorize", sandbox.authUrl);
  const params: Record<string, string | undefined> = {
    client_id: options.clientId ?? TEST_CLIENT_ID,
    response_type: "code",
    scope: options.scope ?? DEFAULT_SCOPE,
    redirect_uri: redirectUri,
    state,
    nonce,
    code_challenge: options.withoutPkce
      ? undefined
      : createHash("sha256").update(codeVerifier).digest("base64url"),
    code_challenge_method: options.withoutPkce ? undefined : "S256",
    ...options.extraParams,
  };
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return { url, state, nonce, codeVerifier, redirectUri };
}

/** One request as a browser would send it to the auth server: with its cookies, without following redirects. */
export async function browse(jar: CookieJar, url: URL | string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set("Cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  return response;
}

/**
 * Follows redirects from `url` until one leaves for `stopAt` (the app's callback), or a page answers. Returns either
 * the final URL reached at the app, or the page's response.
 */
export async function follow(
  jar: CookieJar,
  url: URL,
  stopAt: string,
  init: RequestInit = {},
): Promise<{ arrivedAt: URL } | { page: Response; url: URL }> {
  let current = url;
  let response = await browse(jar, current, init);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null)
      return { page: response, url: current };
    current = new URL(location, current);
    if (current.href.startsWith(stopAt)) return { arrivedAt: current };
    response = await browse(jar, current);
  }
  throw new Error(`Too many redirects, last at ${current.href}`);
}

/** The form's `action`, read from the sandbox's sign-in page. */
export function formAction(html: string, pageUrl: URL): URL {
  const action = /<form[^>]*\saction="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`No form on the page:\n${html}`);
  return new URL(action.replace(/&amp;/g, "&"), pageUrl);
}

export interface Credentials {
  username: string;
  password: string;
}

/** Posts the sign-in form as a person pressing "Sign in" would. */
export function submitLogin(jar: CookieJar, pageHtml: string, pageUrl: URL, credentials: Credentials) {
  return browse(jar, formAction(pageHtml, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: credentials.username, password: credentials.password }),
  });
}

/**
 * Runs the front-channel part of a sign-in: authorize, the sign-in page (skipped when the jar already holds a
 * session), and back to the redirect URI. Returns the callback URL with `code`, `state` and `iss`.
 */
export async function authorize(
  jar: CookieJar,
  request: AuthorizationRequest,
  credentials: Credentials = DEMO_USER,
): Promise<URL> {
  const first = await follow(jar, request.url, request.redirectUri);
  if ("arrivedAt" in first) return first.arrivedAt;
  const html = await first.page.text();
  if (first.page.status !== 200) throw new Error(`Authorize answered ${first.page.status}:\n${html}`);

  const posted = await submitLogin(jar, html, first.url, credentials);
  const location = posted.headers.get("location");
  if (location === null)
    throw new Error(`Sign-in did not redirect (${posted.status}):\n${await posted.text()}`);
  const after = await follow(jar, new URL(location, first.url), request.redirectUri);
  if ("arrivedAt" in after) return after.arrivedAt;
  throw new Error(`Sign-in ended on a page (${after.page.status}):\n${await after.page.text()}`);
}

/** POSTs to the token endpoint, optionally from a browser origin (which makes it a CORS request). */
export function tokenRequest(
  sandbox: Sandbox,
  params: Record<string, string>,
  origin: string | undefined = TEST_APP_ORIGIN,
): Promise<Response> {
  return fetch(new URL("/connect/token", sandbox.authUrl), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(origin === undefined ? {} : { Origin: origin }),
    },
    body: new URLSearchParams(params),
  });
}

export function exchangeCode(
  sandbox: Sandbox,
  request: AuthorizationRequest,
  code: string,
): Promise<Response> {
  return tokenRequest(sandbox, {
    grant_type: "authorization_code",
    client_id: TEST_CLIENT_ID,
    code,
    redirect_uri: request.redirectUri,
    code_verifier: request.codeVerifier,
  });
}

export function refreshGrant(sandbox: Sandbox, refreshToken: string): Promise<Response> {
  return tokenRequest(sandbox, {
    grant_type: "refresh_token",
    client_id: TEST_CLIENT_ID,
    refresh_token: refreshToken,
  });
}

export interface SignedIn {
  tokens: TokenResponse;
  request: AuthorizationRequest;
  /** Holds the auth server's session cookie: use it for end-session or a second, silent sign-in. */
  jar: CookieJar;
}

/** The whole authorization code + PKCE flow, as Valet runs it in a browser. Throws unless tokens come back. */
export async function signIn(
  sandbox: Sandbox,
  options: AuthorizationRequestOptions & { credentials?: Credentials; jar?: CookieJar } = {},
): Promise<SignedIn> {
  const jar = options.jar ?? new CookieJar();
  const request = authorizationRequest(sandbox, options);
  const callback = await authorize(jar, request, options.credentials);
  const code = callback.searchParams.get("code");
  if (code === null) throw new Error(`No code at the callback: ${callback.href}`);
  const response = await exchangeCode(sandbox, request, code);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`Code exchange failed (${response.status}): ${JSON.stringify(body)}`);
  return { tokens: body as TokenResponse, request, jar };
}

/** Headers for an API call as Valet sends them. */
export function apiHeaders(sandbox: Sandbox, accessToken?: string): Record<string, string> {
  return {
    "Ocp-Apim-Subscription-Key": sandbox.subscriptionKey,
    ...(accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` }),
  };
}
