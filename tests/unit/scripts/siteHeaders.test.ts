import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  readSiteFacts,
  renderHeadersFile,
  renderNginx,
  securityHeaders,
} from "../../../scripts/siteHeaders";

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

  it("requires Trusted Types for script sinks, and allows only the policy Solid's templates go through", () => {
    const policy = contentSecurityPolicy(readSiteFacts(config, { basePath: "/" }));
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).toContain("trusted-types solid-templates");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS where the site is https: a deployment whose config names no redirect URI, or an https one", () => {
    for (const raw of [config, { ...config, redirectUri: "https://valet.example.com/callback" }]) {
      const facts = readSiteFacts(raw, { basePath: "/" });
      expect(securityHeaders(facts)["Strict-Transport-Security"]).toBe("max-age=63072000");
      expect(renderHeadersFile(facts)).toContain("  Strict-Transport-Security: max-age=63072000");
      expect(renderNginx(facts)).toContain('add_header Strict-Transport-Security "max-age=63072000" always;');
    }
  });

  it("sends no HSTS where the site is http: a loopback redirect URI, or a server that says so", () => {
    const loopback = readSiteFacts(
      { ...config, redirectUri: "http://127.0.0.1:5173/callback" },
      { basePath: "/" },
    );
    const told = readSiteFacts(config, { basePath: "/", https: false });
    for (const facts of [loopback, told]) {
      expect(securityHeaders(facts)).not.toHaveProperty("Strict-Transport-Security");
      expect(renderHeadersFile(facts)).not.toContain("Strict-Transport-Security");
    }
  });

  it("keeps windows of other origins apart from Valet's: sign-in is a full redirect, never a popup", () => {
    const headers = securityHeaders(readSiteFacts(config, { basePath: "/" }));
    expect(headers["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });

  it("denies the powerful features Valet does not use, and keeps the video player's and the share link's", () => {
    const policy = securityHeaders(readSiteFacts(config, { basePath: "/" }))["Permissions-Policy"] ?? "";
    const allowed = Object.fromEntries(
      policy.split(", ").map((entry) => entry.split("=") as [string, string]),
    );
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "autoplay"]) {
      expect(allowed[feature], feature).toBe("()");
    }
    for (const feature of ["fullscreen", "picture-in-picture", "clipboard-write"]) {
      expect(allowed[feature], feature).toBe("(self)");
    }
  });
});
