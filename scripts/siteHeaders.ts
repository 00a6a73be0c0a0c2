// The HTTP headers a deployed Valet must be served with, computed from its config.json, and the forms static hosts
// read them in (`_headers`, nginx). The local static server uses the same rules, so the e2e suite runs under exactly
// the policy a deployment gets.
import { parseConfig } from "../src/config/parseConfig.ts";
import { TEMPLATE_POLICY_NAME } from "../src/templatePolicyName.ts";

/** Where vite puts hashed files (`build.assetsDir`). Not "assets": that is a route of the app (`/assets/:id`). */
export const HASHED_DIR = "static";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const NO_STORE = "no-store";

export interface HeaderOptions {
  /** The base path the site was built for, starting and ending with "/". */
  basePath: string;
  /** Extra origins for connect-src, e.g. a token endpoint that discovery places on another host. */
  extraConnectSources?: readonly string[];
  /**
   * Whether the site is served over https, which decides HSTS. Defaults to the scheme of the redirect URI: the one
   * config.json names, else https (a host that serves files to the public does; the loopback server says false).
   */
  https?: boolean;
}

/** What the headers depend on in a deployment's config.json. */
export interface SiteFacts {
  basePath: string;
  /** Origins the app fetches from besides its own: the auth server, the API and the token relay when there is one. */
  connectOrigins: string[];
  /** Origins media (thumbnails, previews) come from besides https ones: the API. */
  mediaOrigins: string[];
  /** The redirect URI's path, e.g. "/valet/callback". */
  callbackPath: string;
  /** Served over https: only then is HSTS sent (browsers ignore it over http, and loopback is http). */
  https: boolean;
}

/**
 * Reads what the headers need from a config.json, validated by the app's own parser so that defaults (such as the
 * redirect URI) are the ones the app will use.
 * @throws ConfigError when the config is not one the app would accept
 */
export function readSiteFacts(rawConfig: unknown, options: HeaderOptions): SiteFacts {
  // The site's own origin does not matter here, only paths and the other origins do.
  const config = parseConfig(rawConfig, new URL(options.basePath, "https://valet.invalid").href);
  const apiOrigin = new URL(config.apiBaseUrl).origin;
  const connectOrigins = unique([
    new URL(config.authority).origin,
    apiOrigin,
    // A confidential client's token and revocation requests go to the relay instead (it may be on another host).
    ...(config.tokenRelayUrl ? [new URL(config.tokenRelayUrl).origin] : []),
    ...(options.extraConnectSources ?? []),
  ]);
  const redirectUri = new URL(config.redirectUri);
  return {
    basePath: options.basePath,
    connectOrigins,
    mediaOrigins: [apiOrigin],
    callbackPath: redirectUri.pathname,
    https: options.https ?? redirectUri.protocol === "https:",
  };
}

/**
 * The facts for a config.json the app will refuse: the app then only shows its configuration error page, which needs
 * nothing but the site itself.
 */
export function fallbackSiteFacts(basePath: string, https = true): SiteFacts {
  return { basePath, connectOrigins: [], mediaOrigins: [], callbackPath: `${basePath}callback`, https };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The Content-Security-Policy for Valet. Scripts and styles come only from the site itself (vite's production output
 * has no inline script or style); fetches go only to the site, the auth server, the API and the token relay.
 *
 * Images and video also allow any https origin: MediaValet hands out media URLs (`media.thumb`, `media.large`, …) on
 * its blob-storage and CDN hosts, which differ per region and tenant and are not named in config.json. An image
 * cannot run code, and connect-src stays narrow, so this costs little.
 */
export function contentSecurityPolicy(facts: SiteFacts): string {
  const media = unique(["'self'", "data:", ...facts.mediaOrigins, "https:"]).join(" ");
  const directives: [string, string][] = [
    ["default-src", "'none'"],
    ["script-src", "'self'"],
    ["style-src", "'self'"],
    ["img-src", media],
    // blob: is the MediaSource that hls.js plays a stream through; its playlists and segments are fetched
    // (connect-src: the API's origin, where MediaValet's streams are served). No worker-src: hls.js runs without one.
    ["media-src", `${media} blob:`],
    ["font-src", "'self'"],
    ["connect-src", unique(["'self'", ...facts.connectOrigins]).join(" ")],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    // The app's forms (search, editing) are handled in script; none posts anywhere.
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    // DOM sinks that can run script (innerHTML, script.src, …) take only values made by a Trusted Types policy, and
    // the one policy allowed is Solid's templates' (src/installTemplatePolicy.ts).
    ["require-trusted-types-for", "'script'"],
    ["trusted-types", TEMPLATE_POLICY_NAME],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

/**
 * Powerful features Valet never uses, denied to it and to anything framed in it. Fullscreen and picture-in-picture
 * stay for the site itself (the video player's buttons); clipboard-write too (copying a share link).
 */
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export function permissionsPolicy(): string {
  return [
    ...DENIED_FEATURES.map((feature) => `${feature}=()`),
    "clipboard-write=(self)",
    "fullscreen=(self)",
    "picture-in-picture=(self)",
  ].join(", ");
}

/** Two years, without includeSubDomains or preload: those bind hosts beyond Valet's, a choice for the domain owner. */
export const HSTS = "max-age=63072000";

/** Headers every response carries. */
export function securityHeaders(facts: SiteFacts): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(facts),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": permissionsPolicy(),
    // Sign-in and sign-out are full-page redirects, never popups, so no window of another origin needs a handle on
    // Valet's, nor Valet on one of theirs.
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(facts.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** Paths (under the base) that must never be cached: they change in place on every deploy or carry one-time codes. */
export function noStorePaths(facts: SiteFacts): string[] {
  const base = facts.basePath;
  return unique([base, `${base}index.html`, `${base}404.html`, `${base}config.json`, facts.callbackPath]);
}

/**
 * The headers for the file a request is answered with, as a site path ("/valet/static/index-abc.js"; a deep link
 * answered with index.html is "/valet/index.html"). Hashed files are cached for good, everything else never.
 */
export function headersForFile(facts: SiteFacts, sitePath: string): Record<string, string> {
  const hashed = sitePath.startsWith(`${facts.basePath}${HASHED_DIR}/`);
  return { ...securityHeaders(facts), "Cache-Control": hashed ? IMMUTABLE : NO_STORE };
}

const GENERATED = "Generated by `npm run headers` from config.json; run it again after changing config.json.";

/** The `_headers` file read by Netlify, Cloudflare Pages and similar hosts. */
export function renderHeadersFile(facts: SiteFacts): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return [
    `# ${GENERATED}`,
    block(`${facts.basePath}*`, securityHeaders(facts)),
    block(`${facts.basePath}${HASHED_DIR}/*`, { "Cache-Control": IMMUTABLE }),
    ...noStorePaths(facts).map((path) => block(path, { "Cache-Control": NO_STORE })),
    "",
  ].join("\n");
}

/**
 * `_redirects` (Netlify, Cloudflare Pages): any path that is not a file gets the app, which routes it; a hashed file
 * that is not there (a stale tab after a deploy) gets a 404 rather than the app under a cache-forever header.
 */
export function renderRedirectsFile(basePath: string): string {
  return `${basePath}${HASHED_DIR}/* ${basePath}404.html 404\n${basePath}* ${basePath}index.html 200\n`;
}

/**
 * An nginx snippet for a `server { }` block. nginx drops inherited `add_header`s in a location that adds its own, so
 * every location repeats the full set.
 */
export function renderNginx(facts: SiteFacts, root = "/srv/valet"): string {
  const base = facts.basePath;
  const addHeaders = (cache: string) =>
    Object.entries({ ...securityHeaders(facts), "Cache-Control": cache })
      .map(([name, value]) => `    add_header ${name} "${value}" always;`)
      .join("\n");
  const rootLine =
    base === "/"
      ? `root ${root};`
      : `# dist/ is deployed as ${root}${base.replace(/\/$/, "")}, so that URL paths map onto files.\nroot ${root};`;
  const bare = base === "/" ? "" : `\nlocation = ${base.replace(/\/$/, "")} {\n    return 301 ${base};\n}\n`;
  return `# Valet: ${GENERATED}
${rootLine}
${bare}
# Hashed files never change: cache them for good. A missing one is a real 404, never the app.
location ^~ ${base}${HASHED_DIR}/ {
${addHeaders(IMMUTABLE)}
    try_files $uri =404;
}

# Everything else (index.html, config.json, the callback, deep links) is never cached. Paths that are not files get
# index.html, and the app's router shows the page.
location ${base} {
${addHeaders(NO_STORE)}
    try_files $uri ${base}index.html;
}
`;
}
