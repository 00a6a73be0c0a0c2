import type { Check } from "./Check";
import { fail, pass, type Verdict } from "./CheckResult";
import { stringField } from "./DiscoveryDocument";
import { allowedOriginText, allowsOrigin, headersNotAllowed, isSuccess } from "./corsHeaders";
import type { ProbeResponse } from "./probe";

/** The advice for every auth-server CORS failure: IdentityServer allows CORS per client (AllowedCorsOrigins). */
export function askForCorsOrigin(origin: string): string {
  return `Ask MediaValet Support to add ${origin} to the client's allowed CORS origins.`;
}

function corsVerdict(response: ProbeResponse, origin: string, what: string): Verdict {
  if (!allowsOrigin(response.headers, origin)) {
    return fail(
      `${what} answered ${origin} with ${allowedOriginText(response.headers)}`,
      askForCorsOrigin(origin),
    );
  }
  return pass(`${what} allows ${origin}`);
}

export const discoveryCorsCheck: Check = {
  id: "cors-discovery",
  title: "CORS on discovery",
  async run(context) {
    await context.discovery();
    return corsVerdict(await context.discoveryResponse(), context.origin, "the discovery document");
  },
};

export const jwksCorsCheck: Check = {
  id: "cors-jwks",
  title: "CORS on the signing keys",
  async run(context) {
    const jwksUri = stringField(await context.discovery(), "jwks_uri");
    if (jwksUri === undefined) {
      return fail(
        "the discovery document has no jwks_uri",
        "Ask MediaValet Support to publish jwks_uri: Valet verifies every id_token's signature against it.",
      );
    }
    const response = await context.probe(jwksUri, { headers: { Origin: context.origin } });
    if (response.status !== 200 || !hasKeys(response.text)) {
      return fail(
        `${jwksUri} answered HTTP ${response.status} without a key set`,
        "Ask MediaValet Support why the jwks_uri of their discovery document serves no signing keys.",
      );
    }
    return corsVerdict(response, context.origin, `the JWKS at ${jwksUri}`);
  },
};

function hasKeys(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    const keys = (parsed as { keys?: unknown }).keys;
    return Array.isArray(keys) && keys.length > 0;
  } catch {
    return false;
  }
}

/** A browser's preflight for oidc-client-ts's form POST (code exchange, refresh, revocation). */
async function tokenPreflight(context: Parameters<Check["run"]>[0], url: string): Promise<ProbeResponse> {
  return context.probe(url, {
    method: "OPTIONS",
    headers: {
      Origin: context.origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type",
    },
  });
}

function preflightVerdict(response: ProbeResponse, origin: string, what: string, advice: string): Verdict {
  if (!isSuccess(response.status)) {
    return fail(`the preflight for ${what} from ${origin} answered HTTP ${response.status}`, advice);
  }
  if (!allowsOrigin(response.headers, origin)) {
    return fail(
      `the preflight for ${what} answered ${origin} with ${allowedOriginText(response.headers)}`,
      advice,
    );
  }
  const missing = headersNotAllowed(response.headers, ["content-type"]);
  if (missing.length > 0) {
    return fail(`the preflight for ${what} does not allow the header ${missing.join(", ")}`, advice);
  }
  return pass(`the preflight for ${what} allows POST from ${origin}`);
}

export const tokenCorsCheck: Check = {
  id: "cors-token",
  title: "CORS on the token endpoint",
  async run(context) {
    const tokenEndpoint = stringField(await context.discovery(), "token_endpoint");
    if (tokenEndpoint === undefined) {
      return fail(
        "the discovery document has no token_endpoint",
        "Ask MediaValet Support why their discovery document names no token_endpoint.",
      );
    }
    const response = await tokenPreflight(context, tokenEndpoint);
    return preflightVerdict(response, context.origin, tokenEndpoint, askForCorsOrigin(context.origin));
  },
};

export const relayCorsCheck: Check = {
  id: "cors-relay",
  title: "CORS on the token relay",
  appliesTo: (target) => target.config.tokenRelayUrl !== null,
  async run(context) {
    const url = `${context.config.tokenRelayUrl}/token`;
    const response = await tokenPreflight(context, url);
    return preflightVerdict(
      response,
      context.origin,
      url,
      `Set the relay's allowed app origin to ${context.origin} where the relay is deployed (docs/deploying.md), ` +
        `or fix "tokenRelayUrl" in config.json.`,
    );
  },
};
