import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
const ALLOWED_HEADERS = "Authorization, DPoP, Ocp-Apim-Subscription-Key, x-mv-api-version, Content-Type";
// DPoP-Nonce: a use_dpop_nonce refusal names the nonce to retry with (RFC 9449 §9).
const EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, DPoP-Nonce";
const PREFLIGHT_MAX_AGE = "600";

/**
 * The gateway's CORS policy: Valet's origins may call the API with its custom headers (which makes every call
 * preflighted); any other origin gets no CORS headers at all, so browsers block it.
 */
export interface ApiCors {
  /** Adds CORS headers to an ordinary response when the request comes from an allowed origin. */
  decorate(req: IncomingMessage, res: ServerResponse): void;
  /** Answers an OPTIONS preflight in full. */
  preflight(req: IncomingMessage, res: ServerResponse): void;
}

export function createApiCors(allowedOrigins: readonly string[]): ApiCors {
  const allowed = new Set(allowedOrigins);
  const allowedOrigin = (req: IncomingMessage): string | undefined => {
    const origin = req.headers.origin;
    return origin !== undefined && allowed.has(origin) ? origin : undefined;
  };

  return {
    decorate(req, res) {
      res.setHeader("Vary", "Origin");
      const origin = allowedOrigin(req);
      if (!origin) return;
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    },
    preflight(req, res) {
      res.setHeader("Vary", "Origin");
      const origin = allowedOrigin(req);
      if (!origin) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
      });
      res.end();
    },
  };
}
