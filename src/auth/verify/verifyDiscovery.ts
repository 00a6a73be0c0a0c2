import { isHttpsOrLoopback } from "../../lib/isHttpsOrLoopback";

/** The parts of a discovery document Valet checks before it sends anyone to the server. */
export interface DiscoveryFacts {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
  userinfo_endpoint?: string;
  jwks_uri?: string;
  code_challenge_methods_supported?: string[];
}

function isSafeEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    return isHttpsOrLoopback(url);
  } catch {
    return false;
  }
}

/**
 * Checks a discovery document (OpenID Connect Discovery 4.3): its `issuer` is exactly the one expected, every
 * endpoint is https (http only on loopback), and PKCE S256 is supported when the server lists its methods.
 * @returns the problems found, in plain words; empty when the document can be trusted
 */
export function verifyDiscovery(metadata: DiscoveryFacts, expectedIssuer: string): string[] {
  const problems: string[] = [];
  if (metadata.issuer !== expectedIssuer) {
    problems.push(
      `The server names its issuer "${metadata.issuer ?? "(none)"}", but this deployment expects "${expectedIssuer}". ` +
        `If that server is right, set "issuer" in config.json to its issuer.`,
    );
  }
  for (const name of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    const value = metadata[name];
    if (!value) problems.push(`The server does not say where its ${name} is.`);
  }
  for (const name of [
    "authorization_endpoint",
    "token_endpoint",
    "jwks_uri",
    "end_session_endpoint",
    "revocation_endpoint",
    "userinfo_endpoint",
  ] as const) {
    const value = metadata[name];
    if (value && !isSafeEndpoint(value)) {
      problems.push(`The server's ${name} (${value}) is not https.`);
    }
  }
  const methods = metadata.code_challenge_methods_supported;
  if (methods && !methods.includes("S256")) {
    problems.push("The server does not support PKCE with S256, which a browser sign-in needs.");
  }
  return problems;
}
