import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { JSONWebKeySet } from "jose";
import type { ControlState } from "../control/controlState";
import type { ApiFault } from "../control/controlTypes";
import { closeServer, listen, originOf, sendJson } from "../http";
import type { SignInLog } from "../signInLog";
import { ApiError, GatewayRejection } from "./apiError";
import { createBearerVerifier, type BearerVerifier } from "./bearer";
import { createDPoPProofVerifier } from "./dpopProof";
import { bulkRoute } from "./bulkRoute";
import { serveArchive } from "./downloadRoutes";
import { createDownloadStore, type DownloadStore } from "./downloadStore";
import { findRoute } from "./findRoute";
import { createActivityLog, recordingActivity } from "./activityLog";
import { createApiCors, type ApiCors } from "./cors";
import { createDirectLinkStore } from "./directLinkStore";
import { createFindMedia } from "./findMedia";
import { envelope, type EnvelopeContext } from "./envelope";
import { serveMedia } from "./media";
import { createKeywordQueue } from "./keywordQueue";
import { createLibrary, type Library } from "./library";
import { createLightboxStore } from "./lightboxStore";
import { createRoutes, type Route } from "./routes";
import { createSavedSearchStore } from "./savedSearchStore";
import { requireSubscriptionKey } from "./subscriptionKey";

export interface ApiServerOptions {
  host: string;
  port: number;
  issuer: string;
  jwks: () => JSONWebKeySet;
  appOrigins: readonly string[];
  subscriptionKey: string;
  signIns: SignInLog;
  /** Counts API calls and holds faults armed by the test controls. */
  control: ControlState;
  log: (line: string) => void;
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_API_VERSION = "1.0";
const API_VERSION = /^\d+(\.\d+){0,3}$/;

interface Handler {
  /** The API's own origin, which a DPoP proof's htu must name. */
  apiUrl: string;
  cors: ApiCors;
  verify: BearerVerifier;
  subscriptionKey: string;
  library: Library;
  downloads: DownloadStore;
  /** Streams and direct links, served without credentials. */
  findMedia: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  routes: Route[];
  control: ControlState;
}

/** The stand-in for api.mediavalet.com: gateway checks, bearer JWTs, the envelope, seeded assets and media. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  // Media links in the payload need the API's own origin, known only once the port is bound (port 0 in tests).
  const ready: { handler?: Handler } = {};
  const server = createServer((req, res) => {
    const startedAt = Date.now();
    res.on("finish", () => options.log(`api: ${req.method} ${req.url} ${res.statusCode}`));
    if (!ready.handler) {
      res.writeHead(503).end();
      return;
    }
    handle(ready.handler, req, res, startedAt).catch((error: unknown) => {
      options.log(
        `api: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      if (!res.headersSent) sendJson(res, 500, { statusCode: 500, message: "Internal server error" });
      else res.destroy();
    });
  });
  const port = await listen(server, options.host, options.port);
  const url = originOf(options.host, port);

  const activity = createActivityLog(randomUUID);
  // Edits land in the asset's history as they apply.
  const library = recordingActivity(createLibrary(), activity);
  const find = { savedSearches: createSavedSearchStore(), directLinks: createDirectLinkStore(), activity };
  const keywordQueue = createKeywordQueue(
    (asset, change, userId) => {
      if (change.kind === "add") library.addKeywords(asset, change.names, userId);
      else library.removeKeyword(asset, change.keywordId, userId);
    },
    () => options.control.keywordDelayMs(),
  );
  const verify = createBearerVerifier({
    issuer: options.issuer,
    jwks: options.jwks,
    // Nonces are optional in RFC 9449 (§9); the API asks for one only when the test controls say so.
    dpop: createDPoPProofVerifier({ requireNonce: () => options.control.dpopNonceRequired() }),
  });
  const lightboxes = createLightboxStore(library.assets.map((asset) => asset.id));
  const downloads = createDownloadStore();
  const routes = createRoutes({
    apiUrl: url,
    library,
    keywordQueue,
    signIns: options.signIns,
    lightboxes,
    downloads,
    control: options.control,
    find,
  });
  // The batch endpoint runs its parts through every other route.
  routes.push(bulkRoute({ routes: [...routes], verify, control: options.control }));
  ready.handler = {
    apiUrl: url,
    cors: createApiCors(options.appOrigins),
    verify,
    subscriptionKey: options.subscriptionKey,
    library,
    downloads,
    findMedia: createFindMedia({ library, directLinks: find.directLinks, appOrigins: options.appOrigins }),
    routes,
    control: options.control,
  };

  return {
    url,
    close: () => {
      keywordQueue.stop();
      return closeServer(server);
    },
  };
}

async function handle(
  handler: Handler,
  req: IncomingMessage,
  res: ServerResponse,
  startedAt: number,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://api.invalid");
  if (serveMedia(req, res, url.pathname, (id) => handler.library.asset(id))) return;
  if (serveArchive(req, res, url.pathname, handler.downloads, handler.library)) return;
  if (handler.findMedia(req, res, url.pathname)) return;

  if (req.method === "OPTIONS") {
    handler.cors.preflight(req, res);
    return;
  }
  handler.cors.decorate(req, res);

  const requested = req.headers["x-mv-api-version"];
  const apiVersion = typeof requested === "string" && requested !== "" ? requested : DEFAULT_API_VERSION;
  const context: EnvelopeContext = { apiVersion, startedAt };

  handler.control.stats.apiRequests++;
  const fault = handler.control.takeApiFault(url.pathname);
  if (fault) {
    sendFault(res, fault, context);
    return;
  }

  try {
    if (!API_VERSION.test(apiVersion)) {
      throw new ApiError(400, "unsupported_api_version", `API version ${apiVersion} is not supported.`);
    }
    requireSubscriptionKey(req, handler.subscriptionKey);
    const claims = await handler.verify({
      authorization: req.headers.authorization,
      dpop: [req.headers.dpop ?? []].flat().join(", ") || undefined,
      method: req.method ?? "GET",
      url: `${handler.apiUrl}${url.pathname}`,
    });
    const { route, params } = findRoute(handler.routes, req.method ?? "GET", url.pathname);
    const result = await route.handle({ req, url, params, claims, apiVersion });
    if (result.raw) {
      res.writeHead(result.status, { "Content-Type": result.raw.contentType, ...result.raw.headers });
      res.end(result.raw.body);
      return;
    }
    const extras = { recordCount: result.recordCount, errors: result.errors ?? [] };
    sendJson(res, result.status, envelope(context, result.payload, extras));
  } catch (error) {
    if (error instanceof GatewayRejection) {
      sendJson(res, error.status, error.body);
    } else if (error instanceof ApiError) {
      const body = envelope(context, null, { errors: [{ code: error.code, message: error.message }] });
      sendJson(res, error.status, body, { ...error.headers });
    } else {
      throw error;
    }
  }
}

/**
 * An answer forced by the test controls, shaped as the real one would be: 401 and 500 from the API in its envelope,
 * 429 from the gateway (Azure API Management's throttling body, with Retry-After).
 */
function sendFault(res: ServerResponse, fault: ApiFault, context: EnvelopeContext): void {
  switch (fault.status) {
    case 401:
      sendJson(
        res,
        401,
        envelope(context, null, {
          errors: [{ code: "invalid_token", message: "The access token has expired." }],
        }),
        {
          "WWW-Authenticate":
            'Bearer error="invalid_token", error_description="The access token has expired."',
        },
      );
      return;
    case 429: {
      const seconds = fault.retryAfterSeconds ?? 1;
      sendJson(
        res,
        429,
        { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
        { "Retry-After": String(seconds) },
      );
      return;
    }
    case 500:
      sendJson(
        res,
        500,
        envelope(context, null, {
          errors: [{ code: "server_error", message: "An unexpected error occurred." }],
        }),
      );
      return;
  }
}
