import { setTimeout as delay } from "node:timers/promises";
import type { Middleware } from "koa";
import type { KoaContextWithOIDC } from "oidc-provider";
import type { SigningKeys } from "../auth/signingKeys";
import { readBody } from "../http";
import { countGrant } from "./countAuthRequests";
import type { ControlState } from "./controlState";
import { spoilIdToken } from "./spoilIdToken";

export interface TokenEndpointControlOptions {
  tokenPath: string;
  control: ControlState;
  keys: SigningKeys;
  /** Origins that may read a failed response from a browser (the app's). */
  appOrigins: readonly string[];
  log: (line: string) => void;
}

const DEFAULT_SLOW_MS = 3000;
/** Grants whose id_tokens the bad-id_token control spoils: the ones a browser client validates. */
const SPOILED_GRANTS = new Set(["authorization_code", "refresh_token"]);

/**
 * Wraps oidc-provider's token endpoint: counts requests by grant type, applies an armed fault (slow, a 500, or a
 * dropped connection) and, when armed, spoils the id_token of a successful code or refresh grant.
 */
export function tokenEndpointFaults(options: TokenEndpointControlOptions): Middleware {
  const { control, log } = options;
  const appOrigins = new Set(options.appOrigins);

  return async (ctx, next) => {
    if (ctx.path !== options.tokenPath || ctx.method !== "POST") return next();
    control.stats.tokenRequests++;
    const fault = control.takeTokenFault();

    if (fault?.mode === "error" || fault?.mode === "drop") {
      // oidc-provider never sees this request, so its grant type is read here, for the stats.
      countGrant(control.stats, new URLSearchParams(await readBody(ctx.req)).get("grant_type"));
      if (fault.mode === "drop") {
        log("auth: control: dropping a token request's connection");
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      log("auth: control: failing a token request with 500");
      // With CORS headers, as a server behind the same CORS policy would send them: the browser can read the 500.
      const origin = ctx.get("Origin");
      if (appOrigins.has(origin)) ctx.set("Access-Control-Allow-Origin", origin);
      ctx.set("Cache-Control", "no-store");
      ctx.status = 500;
      ctx.body = {
        error: "server_error",
        error_description: "The sandbox was told to fail this token request.",
      };
      return;
    }
    if (fault?.mode === "slow") await delay(fault.delayMs ?? DEFAULT_SLOW_MS);

    await next();

    const grantType = (ctx as unknown as KoaContextWithOIDC).oidc?.params?.["grant_type"];
    countGrant(control.stats, grantType);
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.status !== 200 || typeof body?.id_token !== "string" || !SPOILED_GRANTS.has(String(grantType)))
      return;
    const kind = control.takeBadIdToken();
    if (kind === undefined) return;
    log(`auth: control: issuing a bad id_token (${kind})`);
    body.id_token = await spoilIdToken(body.id_token, kind, options.keys.current());
  };
}
