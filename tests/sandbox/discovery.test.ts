import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("auth server discovery", () => {
  const sandbox = useSandbox();

  it("describes a MediaValet-shaped OpenID provider", async () => {
    const { authUrl, issuer } = sandbox();
    const response = await fetch(`${authUrl}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;

    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${authUrl}/connect/authorize`,
      token_endpoint: `${authUrl}/connect/token`,
      userinfo_endpoint: `${authUrl}/connect/userinfo`,
      end_session_endpoint: `${authUrl}/connect/endsession`,
      revocation_endpoint: `${authUrl}/connect/revocation`,
      introspection_endpoint: `${authUrl}/connect/introspect`,
      jwks_uri: `${authUrl}/.well-known/openid-configuration/jwks`,
      authorization_response_iss_parameter_supported: true,
      id_token_signing_alg_values_supported: ["RS256"],
    });
    expect(metadata["code_challenge_methods_supported"]).toContain("S256");
    expect(metadata["code_challenge_methods_supported"]).not.toContain("plain");
    expect(metadata["grant_types_supported"]).toEqual(
      expect.arrayContaining(["authorization_code", "refresh_token", "password", "client_credentials"]),
    );
    expect(metadata["scopes_supported"]).toEqual(expect.arrayContaining(["openid", "offline_access", "api"]));
    expect(metadata["token_endpoint_auth_methods_supported"]).toEqual(
      expect.arrayContaining(["client_secret_basic", "client_secret_post", "none"]),
    );
  });

  it("publishes one RS256 signing key with a kid", async () => {
    const response = await fetch(`${sandbox().authUrl}/.well-known/openid-configuration/jwks`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };

    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("lets the app's origin read discovery and the keys from a browser", async () => {
    for (const path of ["/.well-known/openid-configuration", "/.well-known/openid-configuration/jwks"]) {
      const response = await fetch(`${sandbox().authUrl}${path}`, { headers: { Origin: TEST_APP_ORIGIN } });
      expect(response.headers.get("access-control-allow-origin")).toBe(TEST_APP_ORIGIN);
    }
  });
});
