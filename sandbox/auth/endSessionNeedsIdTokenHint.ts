import { decodeJwt } from "jose";
import type { Middleware } from "koa";
import type { Provider } from "oidc-provider";

/** What only a valid id_token_hint may carry: without one, IdentityServer never sends the user back to the app. */
const RETURN_PARAMS = ["id_token_hint", "post_logout_redirect_uri", "state"] as const;

/**
 * Whether `id_token_hint` is an id_token this server issued (signature, issuer, audience; an expired one still
 * counts, as in IdentityServer) to the client it names, and to `client_id` when that is sent too.
 */
async function hasValidHint(provider: Provider, params: URLSearchParams): Promise<boolean> {
  const hint = params.get("id_token_hint");
  if (!hint) return false;
  try {
    const audience = decodeJwt(hint).aud;
    if (typeof audience !== "string") return false;
    const clientId = params.get("client_id");
    if (clientId && clientId !== audience) return false;
    const client = await provider.Client.find(audience);
    if (!client) return false;
    await provider.IdToken.validate(hint, client);
    return true;
  } catch {
    return false;
  }
}

/**
 * MediaValet's end session as IdentityServer does it: `post_logout_redirect_uri` (and `state`) count only with a valid
 * `id_token_hint` for that client. oidc-provider also accepts `client_id` alone, and answers a bad hint with an error
 * page; here both become a plain end-session request without a way back, so the user is asked "Do you want to sign
 * out?" and, after saying yes, sees the signed-out page on the auth server. A request with a valid hint is passed on
 * untouched (and signs out without asking, see providerPages.ts). oidc-provider serves the endpoint with GET only
 * (its `enableHttpPostMethods` is off), which is how Valet and oidc-client-ts call it.
 */
export function endSessionNeedsIdTokenHint(provider: Provider, endSessionPath: string): Middleware {
  return async (ctx, next) => {
    if (ctx.path === endSessionPath && ctx.method === "GET") {
      const params = new URLSearchParams(ctx.querystring);
      if (!(await hasValidHint(provider, params))) {
        for (const name of RETURN_PARAMS) params.delete(name);
        ctx.querystring = params.toString();
      }
    }
    return next();
  };
}
