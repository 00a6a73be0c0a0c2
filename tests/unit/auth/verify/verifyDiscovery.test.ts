import { describe, expect, it } from "vitest";
import { verifyDiscovery } from "../../../../src/auth/verify/verifyDiscovery";

const good = {
  issuer: "https://iam.mediavalet.com",
  authorization_endpoint: "https://login.mediavalet.com/connect/authorize",
  token_endpoint: "https://login.mediavalet.com/connect/token",
  jwks_uri: "https://login.mediavalet.com/.well-known/openid-configuration/jwks",
  end_session_endpoint: "https://login.mediavalet.com/connect/endsession",
  code_challenge_methods_supported: ["plain", "S256"],
};

describe("verifyDiscovery", () => {
  it("trusts MediaValet's document when the explicit issuer is configured", () => {
    expect(verifyDiscovery(good, "https://iam.mediavalet.com")).toEqual([]);
  });

  it("refuses an issuer other than the expected one, and says how to fix it", () => {
    const [problem] = verifyDiscovery(good, "https://login.mediavalet.com");
    expect(problem).toContain('names its issuer "https://iam.mediavalet.com"');
    expect(problem).toContain('set "issuer" in config.json');
  });

  it("refuses plain-http endpoints except on loopback", () => {
    expect(
      verifyDiscovery({ ...good, token_endpoint: "http://login.mediavalet.com/connect/token" }, good.issuer),
    ).toEqual(["The server's token_endpoint (http://login.mediavalet.com/connect/token) is not https."]);
    const local = {
      issuer: "http://127.0.0.1:4010",
      authorization_endpoint: "http://127.0.0.1:4010/connect/authorize",
      token_endpoint: "http://localhost:4010/connect/token",
      jwks_uri: "http://[::1]:4010/jwks",
    };
    expect(verifyDiscovery(local, "http://127.0.0.1:4010")).toEqual([]);
  });

  it("refuses a server without PKCE S256 when it lists its methods", () => {
    expect(verifyDiscovery({ ...good, code_challenge_methods_supported: ["plain"] }, good.issuer)).toEqual([
      "The server does not support PKCE with S256, which a browser sign-in needs.",
    ]);
  });

  it("names missing endpoints", () => {
    expect(verifyDiscovery({ issuer: good.issuer }, good.issuer)).toHaveLength(3);
  });
});
