import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http";
import { isLoopbackHost } from "../loopback";
import type { ControlState } from "./controlState";
import {
  BAD_ID_TOKENS,
  BULK_FAULT_STATUSES,
  type BadIdToken,
  type BulkFault,
  type Lifetimes,
} from "./controlTypes";

/** Where the control route lives on the auth server; nothing under it exists unless test controls are on. */
export const CONTROL_PREFIX = "/__sandbox/";

/**
 * The header every control request carries the run's secret in. A web page can send no custom header to another
 * origin without a CORS preflight, which the control route never answers: so no page the browser shows can drive it.
 */
export const CONTROL_SECRET_HEADER = "X-Sandbox-Control";

export interface ControlActions {
  /** This run's secret (startSandbox makes a new one each time); requests without it are refused. */
  secret: string;
  state: ControlState;
  rotateKeys(): Promise<void>;
  /** Returns false for an unknown username. */
  revokeRefreshTokens(username: string): boolean;
  log(line: string): void;
}

class BadControlRequest extends Error {}

/** Two minutes: long enough to watch an archive's progress, short enough for any test. */
export const MAX_ARCHIVE_SECONDS = 120;

/** A minute: longer than any test waits, short enough that a mistake does not look like a lost write. */
export const MAX_KEYWORD_DELAY_MS = 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasSecret(req: IncomingMessage, secret: string): boolean {
  const sent = req.headers[CONTROL_SECRET_HEADER.toLowerCase()];
  if (typeof sent !== "string" || secret === "") return false;
  const expected = Buffer.from(secret);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function positiveInteger(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new BadControlRequest(`${name} must be a whole number of at least 1.`);
  }
  return value;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadControlRequest("The body must be JSON.");
  }
  if (!isRecord(body)) throw new BadControlRequest("The body must be a JSON object.");
  return body;
}

type Command = (body: Record<string, unknown>, actions: ControlActions) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  "POST reset": async (_body, { state }) => state.reset(),
  "POST stats/reset": async (_body, { state }) => state.resetStats(),
  "GET stats": async (_body, { state }) => ({ ...state.stats }),
  "POST lifetimes": async (body, { state }) => {
    const changes: Partial<Lifetimes> = {};
    for (const name of ["accessToken", "refreshToken", "code", "idToken"] as const) {
      const value = positiveInteger(body, name, false);
      if (value !== undefined) changes[name] = value;
    }
    state.setLifetimes(changes);
  },
  "POST keyword-delay": async (body, { state }) => {
    const ms = body["ms"];
    if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0 || ms > MAX_KEYWORD_DELAY_MS) {
      throw new BadControlRequest(`ms must be a whole number from 0 to ${MAX_KEYWORD_DELAY_MS}.`);
    }
    state.setKeywordDelay(ms);
  },
  "POST dpop-nonce": async (body, { state }) => {
    const required = body["required"];
    if (typeof required !== "boolean") throw new BadControlRequest("required must be true or false.");
    state.setDpopNonceRequired(required);
  },
  "POST faults/token": async (body, { state }) => {
    const mode = body["mode"];
    if (mode !== "slow" && mode !== "error" && mode !== "drop") {
      throw new BadControlRequest('mode must be "slow", "error" or "drop".');
    }
    const count = positiveInteger(body, "count", true) ?? 1;
    const delayMs = positiveInteger(body, "delayMs", false);
    state.armTokenFault({ mode, count, ...(delayMs === undefined ? {} : { delayMs }) });
  },
  "POST faults/api": async (body, { state }) => {
    const status = body["status"];
    if (status !== 401 && status !== 429 && status !== 500) {
      throw new BadControlRequest("status must be 401, 429 or 500.");
    }
    const count = positiveInteger(body, "count", true) ?? 1;
    const retryAfterSeconds = positiveInteger(body, "retryAfterSeconds", false);
    const path = body["path"];
    if (path !== undefined && (typeof path !== "string" || !path.startsWith("/"))) {
      throw new BadControlRequest('path must be an API path starting with "/", e.g. "/assets/search".');
    }
    state.armApiFault({
      status,
      count,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(path === undefined ? {} : { path }),
    });
  },
  "POST faults/bulk": async (body, { state }) => {
    const status = body["status"];
    if (!BULK_FAULT_STATUSES.includes(status as BulkFault["status"])) {
      throw new BadControlRequest(`status must be one of ${BULK_FAULT_STATUSES.join(", ")}.`);
    }
    const parts = body["parts"];
    if (
      parts !== undefined &&
      (!Array.isArray(parts) ||
        parts.length === 0 ||
        !parts.every((part) => Number.isInteger(part) && part >= 1))
    ) {
      throw new BadControlRequest("parts must be a list of part numbers, counted from 1.");
    }
    const count = positiveInteger(body, "count", false);
    const retryAfterSeconds = positiveInteger(body, "retryAfterSeconds", false);
    const batches = positiveInteger(body, "batches", false);
    if (status !== 429 && parts === undefined && count === undefined) {
      throw new BadControlRequest("Say which parts fail: parts (e.g. [2, 5]) or count (the first N).");
    }
    state.armBulkFault({
      status: status as BulkFault["status"],
      ...(parts === undefined ? {} : { parts: parts as number[] }),
      ...(count === undefined ? {} : { count }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(batches === undefined ? {} : { batches }),
    });
  },
  "POST downloads/archive": async (body, { state }) => {
    const seconds = body["seconds"];
    const outcome = body["outcome"];
    if (
      seconds !== undefined &&
      (typeof seconds !== "number" || seconds < 0 || seconds > MAX_ARCHIVE_SECONDS)
    ) {
      throw new BadControlRequest(`seconds must be a number from 0 to ${MAX_ARCHIVE_SECONDS}.`);
    }
    if (outcome !== undefined && outcome !== "ready" && outcome !== "failed" && outcome !== "expired") {
      throw new BadControlRequest('outcome must be "ready", "failed" or "expired".');
    }
    state.setArchiveSettings({
      ...(seconds === undefined ? {} : { seconds }),
      ...(outcome === undefined ? {} : { outcome }),
    });
  },
  "POST faults/id-token": async (body, { state }) => {
    const kind = body["kind"];
    if (!BAD_ID_TOKENS.includes(kind as BadIdToken)) {
      throw new BadControlRequest(`kind must be one of ${BAD_ID_TOKENS.join(", ")}.`);
    }
    state.armBadIdToken(kind as BadIdToken, positiveInteger(body, "count", false) ?? 1);
  },
  "POST keys/rotate": async (_body, actions) => actions.rotateKeys(),
  "POST refresh-tokens/revoke": async (body, actions) => {
    const username = body["username"];
    if (typeof username !== "string" || !actions.revokeRefreshTokens(username)) {
      throw new BadControlRequest("username must name a sandbox user.");
    }
  },
};

/**
 * The test-control route: JSON commands under `/__sandbox/` on the auth server (see SandboxControl.ts for the client
 * and docs/sandbox.md for the list). Only loopback callers that send the run's secret are served, even when the
 * sandbox listens elsewhere; a CORS preflight is refused like any other request without it.
 * Returns false when the path is not a control path.
 */
export function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  actions: ControlActions,
): boolean {
  const path = new URL(req.url ?? "/", "http://sandbox.invalid").pathname;
  if (!path.startsWith(CONTROL_PREFIX)) return false;

  if (!isLoopbackHost(req.socket.remoteAddress ?? "")) {
    sendJson(res, 403, {
      error: "access_denied",
      error_description: "Test controls answer loopback callers only.",
    });
    return true;
  }
  if (!hasSecret(req, actions.secret)) {
    sendJson(res, 403, {
      error: "access_denied",
      error_description: `Test controls answer only requests with this run's secret in ${CONTROL_SECRET_HEADER}.`,
    });
    return true;
  }
  const command = COMMANDS[`${req.method} ${path.slice(CONTROL_PREFIX.length)}`];
  if (!command) {
    sendJson(res, 404, {
      error: "not_found",
      error_description: `No test control at ${req.method} ${path}.`,
    });
    return true;
  }

  readJson(req)
    .then((body) => command(body, actions))
    .then(
      (result) => {
        actions.log(`auth: control: ${req.method} ${path}`);
        if (result === undefined) res.writeHead(204).end();
        else sendJson(res, 200, result);
      },
      (error: unknown) => {
        if (error instanceof BadControlRequest) {
          sendJson(res, 400, { error: "invalid_request", error_description: error.message });
          return;
        }
        actions.log(
          `auth: control: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendJson(res, 500, { error: "server_error" });
      },
    );
  return true;
}
