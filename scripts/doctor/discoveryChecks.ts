import type { Check } from "./Check";
import { fail, pass, warn } from "./CheckResult";
import { DiscoveryUnusable, parseDiscovery, stringField, stringList } from "./DiscoveryDocument";
import { isSecureUrl } from "./secureUrl";

const SUPPORT = "Ask MediaValet Support";

export const discoveryCheck: Check = {
  id: "discovery",
  title: "Discovery document",
  async run(context) {
    try {
      parseDiscovery(await context.discoveryResponse());
    } catch (error) {
      if (!(error instanceof DiscoveryUnusable)) throw error;
      return fail(
        error.message,
        `Fix "authority" in config.json: it must be the auth server's base URL, whose ` +
          `/.well-known/openid-configuration is the discovery document (MediaValet's is https://login.mediavalet.com).`,
      );
    }
    return pass(`200 JSON from ${context.discoveryUrl}`);
  },
};

export const issuerCheck: Check = {
  id: "issuer",
  title: "Issuer",
  async run(context) {
    const issuer = stringField(await context.discovery(), "issuer");
    const expected = context.config.issuer;
    if (issuer === expected) return pass(`"${issuer}", as config.json expects`);
    if (issuer === undefined) {
      return fail(
        "the discovery document names no issuer",
        `${SUPPORT} why their discovery document has no "issuer"; Valet cannot verify sign-ins without it.`,
      );
    }
    return fail(
      `the server names its issuer "${issuer}", config.json expects "${expected}"`,
      `If ${context.config.authority} is the right server, set "issuer": "${issuer}" in config.json.`,
    );
  },
};

export const pkceCheck: Check = {
  id: "pkce",
  title: "PKCE S256",
  async run(context) {
    const methods = stringList(await context.discovery(), "code_challenge_methods_supported");
    if (methods === undefined) {
      return warn(
        "the discovery document does not list code_challenge_methods_supported",
        `${SUPPORT} to confirm that PKCE with S256 is enabled for client "${context.config.clientId}".`,
      );
    }
    if (!methods.includes("S256")) {
      return fail(
        `code_challenge_methods_supported is [${methods.join(", ")}], without S256`,
        `${SUPPORT} to enable PKCE with S256; a browser sign-in needs it.`,
      );
    }
    return pass(`code_challenge_methods_supported includes S256`);
  },
};

export const issParameterCheck: Check = {
  id: "iss-parameter",
  title: "iss in the authorization response",
  async run(context) {
    const supported = (await context.discovery())["authorization_response_iss_parameter_supported"];
    if (supported === true) return pass("authorization_response_iss_parameter_supported is true (RFC 9207)");
    return fail(
      `authorization_response_iss_parameter_supported is ${JSON.stringify(supported) ?? "missing"}, not true`,
      `${SUPPORT} to send "iss" in the authorization response (RFC 9207), as their discovery document has ` +
        `advertised; without it Valet cannot tell its own server's answers from another's.`,
    );
  },
};

/** Every member that names a place the browser is sent to or fetches from. */
function endpointNames(names: readonly string[]): string[] {
  return names.filter(
    (name) => name.endsWith("_endpoint") || name === "jwks_uri" || name === "check_session_iframe",
  );
}

export const httpsEndpointsCheck: Check = {
  id: "https-endpoints",
  title: "Endpoints use https",
  async run(context) {
    const document = await context.discovery();
    const names = endpointNames(Object.keys(document));
    const insecure = names.filter((name) => {
      const value = stringField(document, name);
      return value !== undefined && !isSecureUrl(value);
    });
    const [first] = insecure;
    if (first !== undefined) {
      const listed = insecure.map((name) => `${name} ${String(document[name])}`).join(", ");
      return fail(
        `not https: ${listed}`,
        `${SUPPORT} to publish https URLs for ${insecure.join(", ")} in the discovery document; ` +
          `tokens must never travel in the clear.`,
      );
    }
    return pass(`all ${names.length} endpoints are https (or http on this machine)`);
  },
};

export const responseTypeCheck: Check = {
  id: "response-type",
  title: "Authorization code flow",
  async run(context) {
    const types = stringList(await context.discovery(), "response_types_supported");
    if (types?.includes("code")) return pass(`response_types_supported includes "code"`);
    return fail(
      `response_types_supported is ${types === undefined ? "missing" : `[${types.join(", ")}]`}, without "code"`,
      `${SUPPORT} to allow response_type=code (the authorization code flow) for client "${context.config.clientId}".`,
    );
  },
};

export const grantsCheck: Check = {
  id: "grants",
  title: "Grants Valet uses",
  async run(context) {
    // OpenID Connect Discovery §3: when the member is missing, the server supports these two.
    const supported = stringList(await context.discovery(), "grant_types_supported") ?? [
      "authorization_code",
      "implicit",
    ];
    const needed = ["authorization_code", "refresh_token"];
    if (context.config.passwordSignIn) needed.push("password");
    const missing = needed.filter((grant) => !supported.includes(grant));
    if (missing.length > 0) {
      return fail(
        `grant_types_supported lacks ${missing.join(", ")}`,
        `${SUPPORT} to allow the ${missing.join(" and ")} grant for client "${context.config.clientId}".`,
      );
    }
    return pass(`grant_types_supported includes ${needed.join(", ")}`);
  },
};

export const logoutEndpointsCheck: Check = {
  id: "logout-endpoints",
  title: "Sign-out endpoints",
  async run(context) {
    const document = await context.discovery();
    const missing = ["end_session_endpoint", "revocation_endpoint"].filter(
      (name) => stringField(document, name) === undefined,
    );
    if (missing.length > 0) {
      return fail(
        `the discovery document has no ${missing.join(" and no ")}`,
        `${SUPPORT} to publish ${missing.join(" and ")}: without them Valet's sign-out cannot end the session ` +
          `at MediaValet or revoke the refresh token.`,
      );
    }
    return pass("end_session_endpoint and revocation_endpoint are published");
  },
};
