import type { Check } from "./Check";
import { fail, pass, warn } from "./CheckResult";
import { stringList } from "./DiscoveryDocument";
import { allowsOrigin, headersNotAllowed, isSuccess } from "./corsHeaders";

// oidc-client-ts signs its proofs with ES256 (a P-256 key).
const PROOF_ALGORITHM = "ES256";
const KEEP_OFF = 'Keep "dpop" off in config.json until MediaValet confirms that its API accepts DPoP tokens.';

/**
 * Only with `"dpop": true`: what can be seen without signing in. The auth server advertises DPoP with ES256, the API
 * lets the browser send the `DPoP` header, and a DPoP-scheme request gets a DPoP challenge back. Whether the API
 * accepts a bound token in full can only be seen by signing in (docs/deploying.md, "DPoP").
 */
export const dpopCheck: Check = {
  id: "dpop",
  title: "DPoP (dpop: true)",
  appliesTo: (target) => target.config.dpop,
  async run(context) {
    const algorithms = stringList(await context.discovery(), "dpop_signing_alg_values_supported");
    if (!algorithms?.includes(PROOF_ALGORITHM)) {
      return fail(
        `the discovery document's dpop_signing_alg_values_supported is ${JSON.stringify(algorithms ?? null)}, without ${PROOF_ALGORITHM}`,
        KEEP_OFF,
      );
    }
    const url = `${context.config.apiBaseUrl}/users/current`;
    const preflight = await context.probe(url, {
      method: "OPTIONS",
      headers: {
        Origin: context.origin,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization,dpop,ocp-apim-subscription-key,x-mv-api-version",
      },
    });
    if (
      !isSuccess(preflight.status) ||
      !allowsOrigin(preflight.headers, context.origin) ||
      headersNotAllowed(preflight.headers, ["dpop"]).length > 0
    ) {
      return fail(
        `the API's preflight for ${url} does not allow the DPoP header from ${context.origin}`,
        KEEP_OFF,
      );
    }
    const answer = await context.probe(url, {
      headers: {
        Origin: context.origin,
        "Ocp-Apim-Subscription-Key": context.config.subscriptionKey,
        Authorization: "DPoP not-a-token",
        DPoP: "not-a-proof",
      },
    });
    const challenge = answer.headers.get("WWW-Authenticate") ?? "";
    if (answer.status !== 401 || !/(^|,\s*)DPoP\b/i.test(challenge)) {
      return warn(
        `a request with "Authorization: DPoP" got HTTP ${answer.status} with WWW-Authenticate ${JSON.stringify(challenge)}, not a DPoP challenge`,
        `${KEEP_OFF} The API may not know the DPoP scheme.`,
      );
    }
    return pass(
      `the auth server signs proofs with ${PROOF_ALGORITHM}, and the API allows the DPoP header and answers with a DPoP challenge`,
    );
  },
};
