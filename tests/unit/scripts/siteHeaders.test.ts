import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, readSiteFacts } from "../../../scripts/siteHeaders";

const config = {
  authority: "https://login.mediavalet.com",
  issuer: "https://iam.mediavalet.com",
  clientId: "valet",
  apiBaseUrl: "https://api.mediavalet.com",
  subscriptionKey: "key-123",
};

function connectSources(raw: Record<string, unknown>): string[] {
  const policy = contentSecurityPolicy(readSiteFacts(raw, { basePath: "/" }));
  const directive = policy.split("; ").find((part) => part.startsWith("connect-src "));
  return directive?.split(" ").slice(1) ?? [];
}

describe("contentSecurityPolicy", () => {
  it("lets the app fetch only from itself, the auth server and the API", () => {
    expect(connectSources(config)).toEqual([
      "'self'",
      "https://login.mediavalet.com",
      "https://api.mediavalet.com",
    ]);
  });

  it("adds the token relay's origin when config.json names one", () => {
    expect(
      connectSources({ ...config, tokenRelayUrl: "https://relay.example.com/valet/token-relay" }),
    ).toEqual([
      "'self'",
      "https://login.mediavalet.com",
      "https://api.mediavalet.com",
      "https://relay.example.com",
    ]);
  });

  it("names an origin once when the relay shares it with the auth server", () => {
    expect(
      connectSources({ ...config, tokenRelayUrl: "https://login.mediavalet.com/relay" }).filter(
        (source) => source === "https://login.mediavalet.com",
      ),
    ).toHaveLength(1);
  });

  it("lets hls.js play a stream through a MediaSource (blob:) and fetch it from the API, with no worker allowed", () => {
    const policy = contentSecurityPolicy(readSiteFacts(config, { basePath: "/" }));
    const directive = (name: string) =>
      policy
        .split("; ")
        .find((part) => part.startsWith(`${name} `))
        ?.split(" ")
        .slice(1);
    expect(directive("media-src")).toContain("blob:");
    expect(directive("media-src")).toContain("https://api.mediavalet.com");
    expect(directive("connect-src")).toContain("https://api.mediavalet.com");
    expect(directive("worker-src")).toBeUndefined();
    expect(directive("default-src")).toEqual(["'none'"]);
  });
});
