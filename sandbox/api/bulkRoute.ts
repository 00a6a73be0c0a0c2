import { randomUUID } from "node:crypto";
import { IncomingMessage, STATUS_CODES } from "node:http";
import { Socket } from "node:net";
import type { ControlState } from "../control/controlState";
import { readBody } from "../http";
import { ApiError } from "./apiError";
import type { AccessTokenClaims, BearerVerifier } from "./bearer";
import { envelope } from "./envelope";
import { findRoute } from "./findRoute";
import {
  batchBoundary,
  BatchSyntaxError,
  parseBatch,
  writeBatch,
  type BatchRequest,
  type BatchResponse,
} from "./multipartBatch";
import type { Route, RouteRequest, RouteResult } from "./routes";

/** MediaValet's SDK sends batches of 200; the sandbox refuses larger ones outright (the stricter reading). */
export const MAX_BATCH_PARTS = 200;

/** Names for the ASP.NET-style error body, which MVS reads from failed parts (`Message`, `ExceptionMessage`, …). */
const EXCEPTION_TYPES: Record<number, string> = {
  400: "System.ArgumentException",
  401: "System.UnauthorizedAccessException",
  403: "System.UnauthorizedAccessException",
  404: "System.Collections.Generic.KeyNotFoundException",
  409: "System.InvalidOperationException",
};

function reason(status: number): string {
  return STATUS_CODES[status] ?? "Unknown";
}

/** The error body MediaValet's SDK parses from a failed part or a refused batch (in this key order). */
function exceptionBody(status: number, message: string): string {
  return JSON.stringify({
    Message: message,
    ExceptionMessage: message,
    ExceptionType: EXCEPTION_TYPES[status] ?? "System.Exception",
  });
}

function failedPart(status: number, message: string, headers: Record<string, string> = {}): BatchResponse {
  return {
    status,
    reason: reason(status),
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    body: exceptionBody(status, message),
  };
}

function refuse(status: number, message: string, headers: Record<string, string> = {}): RouteResult {
  return {
    status,
    payload: null,
    raw: { contentType: "application/json; charset=utf-8", body: exceptionBody(status, message), headers },
  };
}

/** The path and query a part's request-target names: origin form (`/assets/…`) or an absolute URL. */
function targetOf(target: string): URL | undefined {
  try {
    return target.startsWith("/") ? new URL(target, "http://api.invalid") : new URL(target);
  } catch {
    return undefined;
  }
}

/** A stand-in for the incoming request a route reads: the part's method, target, headers and body. */
function partMessage(part: BatchRequest, url: URL): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = part.method;
  message.url = `${url.pathname}${url.search}`;
  message.headers = { ...part.headers };
  message.push(Buffer.from(part.body, "utf8"));
  message.push(null);
  return message;
}

export interface BulkRouteOptions {
  routes: readonly Route[];
  verify: BearerVerifier;
  control: ControlState;
}

/**
 * `POST /bulk` (research §2.7): a `multipart/mixed` batch of up to 200 HTTP requests, each run through the API's own
 * routes in order, answered with one `application/http; msgtype=response` part each, in the same order, each with
 * its own status. The outer request's bearer token and subscription key admit the batch; a part that carries its own
 * `Authorization` (as MediaValet's SDK writes it) runs as that token's user, and a part with a bad token fails alone
 * with 401. Without one, a part runs as the outer token's user.
 */
export function bulkRoute(options: BulkRouteOptions): Route {
  const runPart = async (
    part: BatchRequest,
    outer: RouteRequest,
    failWith: number | undefined,
  ): Promise<BatchResponse> => {
    if (failWith !== undefined) return failedPart(failWith, "The sandbox was told to fail this part.");
    const url = targetOf(part.target);
    if (!url) return failedPart(400, `The request-target "${part.target}" is not a path or a URL.`);
    if (url.pathname === "/bulk") return failedPart(400, "A batch cannot contain another /bulk request.");
    const startedAt = Date.now();
    const apiVersion = part.headers["x-mv-api-version"] || outer.apiVersion;
    try {
      const claims: AccessTokenClaims =
        part.headers["authorization"] === undefined
          ? outer.claims
          : // A part has no proof of its own: a DPoP-bound token in a part is refused.
            await options.verify({ authorization: part.headers["authorization"] });
      const { route, params } = findRoute(options.routes, part.method, url.pathname);
      const result = await route.handle({ req: partMessage(part, url), url, params, claims, apiVersion });
      const body = envelope({ apiVersion, startedAt }, result.payload, {
        recordCount: result.recordCount,
        errors: result.errors ?? [],
      });
      return {
        status: result.status,
        reason: reason(result.status),
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
      };
    } catch (error) {
      if (error instanceof ApiError) return failedPart(error.status, error.message, { ...error.headers });
      return failedPart(500, "An unexpected error occurred.");
    }
  };

  return {
    method: "POST",
    path: /^\/bulk$/,
    handle: async (request) => {
      const { control } = options;
      control.stats.bulkRequests++;
      const fault = control.takeBulkFault();
      if (fault?.status === 429) {
        const seconds = fault.retryAfterSeconds ?? 1;
        // Azure API Management's throttling answer, as for any other call (see apiServer.ts).
        return {
          status: 429,
          payload: null,
          raw: {
            contentType: "application/json; charset=utf-8",
            body: JSON.stringify({
              statusCode: 429,
              message: `Rate limit is exceeded. Try again in ${seconds} seconds.`,
            }),
            headers: { "Retry-After": String(seconds) },
          },
        };
      }
      let parts: BatchRequest[];
      try {
        const boundary = batchBoundary(request.req.headers["content-type"]);
        let text: string;
        try {
          text = await readBody(request.req);
        } catch {
          return refuse(413, "The batch is larger than 1 MB.");
        }
        parts = parseBatch(text, boundary);
      } catch (error) {
        if (error instanceof BatchSyntaxError) return refuse(400, `The batch is malformed: ${error.message}`);
        throw error;
      }
      if (parts.length === 0) return refuse(400, "The batch has no parts.");
      if (parts.length > MAX_BATCH_PARTS) {
        return refuse(
          400,
          `A batch holds at most ${MAX_BATCH_PARTS} requests; this one has ${parts.length}.`,
        );
      }
      control.stats.bulkParts += parts.length;
      const failing = new Set(
        fault?.parts ?? Array.from({ length: fault?.count ?? 0 }, (_, index) => index + 1),
      );
      const responses: BatchResponse[] = [];
      // In order, one after another: a later part sees what an earlier one changed.
      for (const [index, part] of parts.entries()) {
        responses.push(await runPart(part, request, failing.has(index + 1) ? fault?.status : undefined));
      }
      const boundary = randomUUID();
      return {
        status: 200,
        payload: null,
        raw: { contentType: `multipart/mixed; boundary=${boundary}`, body: writeBatch(responses, boundary) },
      };
    },
  };
}
