import type { Check } from "./Check";
import { fail, pass, warn } from "./CheckResult";
import { stringField } from "./DiscoveryDocument";
import { allowedOriginText, allowsOrigin } from "./corsHeaders";
import { askForCorsOrigin } from "./corsChecks";

// Never a real code: the server must refuse it, and how it refuses tells whether it knows and accepts the client.
const NOT_A_CODE = "valet-doctor-not-an-authorization-code";
const NOT_A_VERIFIER = "valet-doctor-not-a-code-verifier-0123456789abcdef";

function oauthError(text: string): string | undefined {
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    return typeof error === "string" ? error : undefined;
  } catch {
    return undefined;
  }
}

/** The OAuth error and its description, cut short, for the report. */
function describeError(text: string): string {
  try {
    const { error, error_description: description } = JSON.parse(text) as Record<string, unknown>;
    const line = typeof description === "string" ? `${String(error)}: ${description}` : String(error);
    return line.length > 140 ? `${line.slice(0, 137)}...` : line;
  } catch {
    return "without an OAuth error";
  }
}

/**
 * Exchanges a made-up code, as Valet's browser would (directly, or through the token relay when config.json names
 * one), and reads the refusal: `invalid_grant` means the client id is known and accepted with the credentials Valet
 * has (none for a public client; the relay's secret otherwise); `invalid_client` means it is not.
 */
export const clientCheck: Check = {
  id: "client",
  title: "Client id accepted",
  async run(context) {
    const { config, origin } = context;
    const relay = config.tokenRelayUrl;
    let url: string;
    if (relay === null) {
      const tokenEndpoint = stringField(await context.discovery(), "token_endpoint");
      if (tokenEndpoint === undefined) {
        return fail(
          "the discovery document has no token_endpoint",
          "Ask MediaValet Support why their discovery document names no token_endpoint.",
        );
      }
      url = tokenEndpoint;
    } else {
      url = `${relay}/token`;
    }
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: NOT_A_CODE,
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      code_verifier: NOT_A_VERIFIER,
    });
    const response = await context.probe(url, {
      method: "POST",
      headers: {
        Origin: origin,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: body.toString(),
    });
    const error = oauthError(response.text);
    const via = relay === null ? "" : " through the relay";

    // The client's own problems come first: a confidential client gets no CORS at all, and the relay is its fix.
    const corsRefused = !allowsOrigin(response.headers, origin);
    if (corsRefused && error !== "invalid_client" && error !== "unauthorized_client") {
      const said =
        error === undefined || error === "invalid_grant"
          ? ""
          : ` (it answered ${describeError(response.text)})`;
      const advice =
        relay === null
          ? `${askForCorsOrigin(origin)} If client "${config.clientId}" came with a secret, deploy the token relay ` +
            `(docs/deploying.md) and set "tokenRelayUrl" in config.json instead.`
          : `Set the relay's allowed app origin to ${origin} where the relay is deployed (docs/deploying.md).`;
      return fail(
        `a token request${via} from ${origin} got ${allowedOriginText(response.headers)}${said}`,
        advice,
      );
    }
    switch (error) {
      case "invalid_grant":
        return pass(
          relay === null
            ? `client "${config.clientId}" is known and needs no secret (a made-up code was refused with invalid_grant)`
            : `the relay's client credentials are accepted (a made-up code was refused with invalid_grant)`,
        );
      case "invalid_client":
        return fail(
          `the token endpoint${via} refused client "${config.clientId}" with invalid_client`,
          relay === null
            ? `Check "clientId" in config.json. If it is right, the client is confidential: ask MediaValet Support for ` +
                `a public client with PKCE, or deploy the token relay (docs/deploying.md) and set "tokenRelayUrl".`
            : `Check the client id and secret in the relay's environment against what MediaValet Support issued, ` +
                `and "clientId" in config.json.`,
        );
      case "unauthorized_client":
        return fail(
          `client "${config.clientId}" may not use the authorization_code grant`,
          `Ask MediaValet Support to allow the authorization_code and refresh_token grants for client "${config.clientId}".`,
        );
      case undefined:
        if (response.status === 200) {
          return warn(
            `${url} answered 200 to a made-up code`,
            `Ask MediaValet Support why their token endpoint accepts an authorization code that was never issued.`,
          );
        }
        return fail(
          `${url} answered HTTP ${response.status} without an OAuth error`,
          relay === null
            ? `Ask MediaValet Support why their token endpoint answers HTTP ${response.status}.`
            : `Check "tokenRelayUrl" in config.json and the relay's logs.`,
        );
      default:
        return fail(
          `the token endpoint${via} answered ${error} (HTTP ${response.status})`,
          `Ask MediaValet Support what "${error}" means for client "${config.clientId}" and redirect URI ${config.redirectUri}.`,
        );
    }
  },
};
