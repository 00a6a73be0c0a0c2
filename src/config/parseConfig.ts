import { isHttpsOrLoopback } from "../lib/isHttpsOrLoopback.ts";
import { ConfigError } from "./ConfigError.ts";
import type { ConfigIssue } from "./ConfigError";
import type { ApiVersion, ValetConfig } from "./ValetConfig";

const API_VERSIONS: readonly ApiVersion[] = ["1.0", "1.1", "1.2"];
const DEFAULT_SCOPE = "openid api offline_access";
// 1.0 answers a missing permission with 401, which cannot be told from an expired session; 1.2 answers 403.
const DEFAULT_API_VERSION: ApiVersion = "1.2";

/** Every key `config.json` may hold; anything else is most likely a misspelling such as `clientID`. */
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  "authority",
  "issuer",
  "clientId",
  "scope",
  "redirectUri",
  "postLogoutRedirectUri",
  "apiBaseUrl",
  "subscriptionKey",
  "apiVersion",
  "idleSignOutMinutes",
  "passwordSignIn",
  "tokenRelayUrl",
  "dpop",
]);

const HTTPS_RULE = "must be an absolute https URL (http is allowed only for localhost / 127.0.0.1 / [::1])";

/** How strict a URL setting is beyond "absolute, https or loopback http". */
interface UrlRules {
  /** A query string is harmless in a redirect URI but would corrupt anything Valet appends paths to. */
  allowQuery: boolean;
}

/**
 * Validates the parsed contents of `config.json` and fills in the defaults.
 *
 * @param raw whatever `JSON.parse` returned.
 * @param appBaseUrl the app's origin and base path, ending in "/" (e.g. `http://127.0.0.1:5173/`); the default
 *   `redirectUri` and `postLogoutRedirectUri` are derived from it.
 * @throws ConfigError with code `config_invalid`, listing every problem found, not just the first.
 */
export function parseConfig(raw: unknown, appBaseUrl: string): ValetConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError("config_invalid", [
      {
        field: "config.json",
        message: `must be a JSON object of settings ({ "authority": … }); got ${describe(raw)}`,
      },
    ]);
  }
  const input = raw as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  const base = appBaseUrl.endsWith("/") ? appBaseUrl : `${appBaseUrl}/`;

  const authority = readUrl(input, "authority", issues, { allowQuery: false });
  const issuer = readUrl(input, "issuer", issues, { allowQuery: false }, { optional: true });
  const clientId = readString(input, "clientId", issues);
  const scope = readScope(input, issues);
  const redirectUri = readUrl(input, "redirectUri", issues, { allowQuery: true }, { optional: true });
  const postLogoutRedirectUri = readUrl(
    input,
    "postLogoutRedirectUri",
    issues,
    { allowQuery: true },
    { optional: true },
  );
  const apiBaseUrl = readUrl(input, "apiBaseUrl", issues, { allowQuery: false });
  const subscriptionKey = readString(input, "subscriptionKey", issues, { echo: false });
  const apiVersion = readApiVersion(input, issues);
  const idleSignOutMinutes = readIdleMinutes(input, issues);
  const passwordSignIn = readPasswordSignIn(input, issues);
  // Paths ("/token", "/revocation") are appended to it, so no query; readUrl drops a trailing slash.
  const tokenRelayUrl = readUrl(input, "tokenRelayUrl", issues, { allowQuery: false }, { optional: true });
  const dpop = readDpop(input, issues, tokenRelayUrl !== undefined);

  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) {
      issues.push({ field: key, message: "is not a Valet setting; check its spelling" });
    }
  }

  if (
    issues.length > 0 ||
    authority === undefined ||
    clientId === undefined ||
    apiBaseUrl === undefined ||
    subscriptionKey === undefined
  ) {
    throw new ConfigError("config_invalid", issues);
  }

  return {
    authority,
    // The issuer is later compared exactly with the id_token's `iss`, so it keeps its spelling as configured;
    // only a trailing slash is dropped (by readUrl), the same way as for the authority it defaults to.
    issuer: issuer ?? authority,
    clientId,
    scope,
    redirectUri: redirectUri ?? `${base}callback`,
    postLogoutRedirectUri: postLogoutRedirectUri ?? base,
    apiBaseUrl,
    subscriptionKey,
    apiVersion,
    idleSignOutMinutes,
    passwordSignIn,
    tokenRelayUrl: tokenRelayUrl ?? null,
    dpop,
  };
}

/**
 * DPoP is on only when the file says exactly `true`, like passwordSignIn. Not with a token relay: a proof names
 * the URL it is sent to, so the auth server would see the relay's address where it expects its token endpoint.
 */
function readDpop(input: Record<string, unknown>, issues: ConfigIssue[], hasRelay: boolean): boolean {
  const value = input["dpop"];
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    issues.push({
      field: "dpop",
      message: `must be true or false (without quotes), or left out to keep DPoP off; got ${describe(value)}`,
    });
    return false;
  }
  if (value && hasRelay) {
    issues.push({
      field: "dpop",
      message:
        "cannot be true together with tokenRelayUrl: a DPoP proof names the address it is sent to, and the auth server would see the relay's",
    });
    return false;
  }
  return value;
}

/**
 * Password sign-in lets Valet see the person's password, so it is on only when the file says exactly `true`: a
 * quoted "true" or a 1 is more likely a mistake than a decision.
 */
function readPasswordSignIn(input: Record<string, unknown>, issues: ConfigIssue[]): boolean {
  const value = input["passwordSignIn"];
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    issues.push({
      field: "passwordSignIn",
      message: `must be true or false (without quotes), or left out to keep password sign-in off; got ${describe(value)}`,
    });
    return false;
  }
  return value;
}

/** Idle sign-out is off unless a positive number of minutes is given (fractions allowed, for tests). */
function readIdleMinutes(input: Record<string, unknown>, issues: ConfigIssue[]): number | null {
  const value = input["idleSignOutMinutes"];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 7 * 24 * 60) {
    issues.push({
      field: "idleSignOutMinutes",
      message: `must be a number of minutes greater than 0 (at most a week), or left out to turn idle sign-out off; got ${describe(value)}`,
    });
    return null;
  }
  return value;
}

/**
 * Reads a required (or, with `optional`, possibly absent) non-empty string. Pushes an issue and returns undefined
 * when it is not one. `echo: false` keeps the value out of messages.
 */
function readString(
  input: Record<string, unknown>,
  field: string,
  issues: ConfigIssue[],
  options: { optional?: boolean; echo?: boolean } = {},
): string | undefined {
  const value = input[field];
  if (value === undefined) {
    if (options.optional !== true) issues.push({ field, message: "is required" });
    return undefined;
  }
  if (typeof value !== "string") {
    const got = options.echo === false ? kindOf(value) : describe(value);
    issues.push({ field, message: `must be a string (in quotes); got ${got}` });
    return undefined;
  }
  if (value.trim() === "") {
    issues.push({ field, message: "must not be empty" });
    return undefined;
  }
  if (value.trim() !== value) {
    issues.push({ field, message: "has spaces at its start or end; remove them" });
    return undefined;
  }
  return value;
}

function readUrl(
  input: Record<string, unknown>,
  field: string,
  issues: ConfigIssue[],
  rules: UrlRules,
  options: { optional?: boolean } = {},
): string | undefined {
  const value = readString(input, field, issues, options);
  if (value === undefined) return undefined;
  const problem = urlProblem(value, rules);
  if (problem !== undefined) {
    issues.push({ field, message: problem });
    return undefined;
  }
  return value.replace(/\/+$/, "");
}

function urlProblem(value: string, rules: UrlRules): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${HTTPS_RULE}; got ${describe(value)}`;
  }
  // The URL parser forgives "https:host" and backslashes; requiring "scheme://" keeps what is stored what was meant.
  if (!isHttpsOrLoopback(url) || !/^https?:\/\//i.test(value)) {
    return `${HTTPS_RULE}; got ${describe(value)}`;
  }
  if (url.username !== "" || url.password !== "") {
    // Not echoed: the value holds a password.
    return 'must not contain a user name or password (the "user:password@" part); remove it';
  }
  if (!rules.allowQuery && value.includes("?")) {
    return `must not have a query string ("?…"); got ${describe(value)}`;
  }
  if (value.includes("#")) {
    return `must not have a fragment ("#…"); got ${describe(value)}`;
  }
  return undefined;
}

function readScope(input: Record<string, unknown>, issues: ConfigIssue[]): string {
  const value = input["scope"];
  if (value === undefined) return DEFAULT_SCOPE;
  if (typeof value !== "string") {
    issues.push({
      field: "scope",
      message: `must be a string of space-separated scopes; got ${describe(value)}`,
    });
    return DEFAULT_SCOPE;
  }
  const scopes = value.split(/\s+/).filter((scope) => scope !== "");
  if (!scopes.includes("openid")) {
    issues.push({
      field: "scope",
      message: `must contain "openid" (Valet signs in with OpenID Connect); got ${describe(value)}`,
    });
  }
  return scopes.join(" ");
}

function readApiVersion(input: Record<string, unknown>, issues: ConfigIssue[]): ApiVersion {
  const value = input["apiVersion"];
  if (value === undefined) return DEFAULT_API_VERSION;
  const version = API_VERSIONS.find((candidate) => candidate === value);
  if (version === undefined) {
    const choices = API_VERSIONS.map((candidate) => `"${candidate}"`).join(", ");
    issues.push({
      field: "apiVersion",
      message: `must be one of ${choices} (a string, in quotes); got ${describe(value)}`,
    });
    return DEFAULT_API_VERSION;
  }
  return version;
}

/** A value as a person would recognise it in their file, cut short so a pasted blob cannot flood the page. */
function describe(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return kindOf(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "true/false";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
