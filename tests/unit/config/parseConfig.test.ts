import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config/ConfigError";
import type { ConfigIssue } from "../../../src/config/ConfigError";
import { parseConfig } from "../../../src/config/parseConfig";

const APP = "http://127.0.0.1:5173/";

const valid = {
  authority: "https://login.mediavalet.com",
  clientId: "valet",
  apiBaseUrl: "https://api.mediavalet.com",
  subscriptionKey: "key-123",
};

/** The issues parseConfig reports for `raw`; fails the test if it does not throw a config_invalid ConfigError. */
function issuesOf(raw: unknown): readonly ConfigIssue[] {
  try {
    parseConfig(raw, APP);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe("config_invalid");
    return (error as ConfigError).issues;
  }
  throw new Error("parseConfig accepted the config");
}

function messageFor(raw: unknown, field: string): string | undefined {
  return issuesOf(raw).find((issue) => issue.field === field)?.message;
}

describe("parseConfig", () => {
  it("fills in every default from the app's base URL", () => {
    expect(parseConfig(valid, APP)).toEqual({
      authority: "https://login.mediavalet.com",
      issuer: "https://login.mediavalet.com",
      clientId: "valet",
      scope: "openid api offline_access",
      redirectUri: "http://127.0.0.1:5173/callback",
      postLogoutRedirectUri: "http://127.0.0.1:5173/",
      apiBaseUrl: "https://api.mediavalet.com",
      subscriptionKey: "key-123",
      apiVersion: "1.2",
      idleSignOutMinutes: null,
      passwordSignIn: false,
      tokenRelayUrl: null,
      dpop: false,
    });
  });

  it("turns DPoP on only for dpop: true", () => {
    expect(parseConfig({ ...valid, dpop: true }, APP).dpop).toBe(true);
    expect(parseConfig({ ...valid, dpop: false }, APP).dpop).toBe(false);
    expect(parseConfig(valid, APP).dpop).toBe(false);
  });

  it("refuses a dpop that is not true or false, saying how to write it", () => {
    for (const wrong of ["true", 1, null]) {
      expect(messageFor({ ...valid, dpop: wrong }, "dpop")).toBe(
        `must be true or false (without quotes), or left out to keep DPoP off; got ${
          typeof wrong === "string" ? `"${wrong}"` : String(wrong)
        }`,
      );
    }
  });

  it("refuses DPoP together with a token relay, whose address the proofs would name", () => {
    expect(
      messageFor({ ...valid, dpop: true, tokenRelayUrl: "https://valet.example.com/relay" }, "dpop"),
    ).toMatch(/cannot be true together with tokenRelayUrl/);
    expect(
      parseConfig({ ...valid, dpop: false, tokenRelayUrl: "https://valet.example.com/relay" }, APP).dpop,
    ).toBe(false);
  });

  it("defaults the API version to 1.2, where a missing permission is a 403 and not a 401", () => {
    expect(parseConfig(valid, APP).apiVersion).toBe("1.2");
    expect(parseConfig({ ...valid, apiVersion: "1.0" }, APP).apiVersion).toBe("1.0");
  });

  it("reads the token relay's URL, without a trailing slash, so paths can be appended", () => {
    expect(
      parseConfig({ ...valid, tokenRelayUrl: "https://valet.example.com/relay/" }, APP).tokenRelayUrl,
    ).toBe("https://valet.example.com/relay");
    expect(parseConfig({ ...valid, tokenRelayUrl: "http://127.0.0.1:8787" }, APP).tokenRelayUrl).toBe(
      "http://127.0.0.1:8787",
    );
  });

  it("refuses a token relay that is not https (or loopback http), has a query, or is not a string", () => {
    expect(messageFor({ ...valid, tokenRelayUrl: "http://relay.example.com" }, "tokenRelayUrl")).toMatch(
      /^must be an absolute https URL/,
    );
    expect(messageFor({ ...valid, tokenRelayUrl: "/relay" }, "tokenRelayUrl")).toMatch(
      /^must be an absolute https URL/,
    );
    expect(
      messageFor({ ...valid, tokenRelayUrl: "https://relay.example.com/?x=1" }, "tokenRelayUrl"),
    ).toMatch(/^must not have a query string/);
    expect(messageFor({ ...valid, tokenRelayUrl: true }, "tokenRelayUrl")).toBe(
      "must be a string (in quotes); got true",
    );
  });

  it("turns password sign-in on only for passwordSignIn: true", () => {
    expect(parseConfig({ ...valid, passwordSignIn: true }, APP).passwordSignIn).toBe(true);
    expect(parseConfig({ ...valid, passwordSignIn: false }, APP).passwordSignIn).toBe(false);
    expect(parseConfig(valid, APP).passwordSignIn).toBe(false);
  });

  it("refuses a passwordSignIn that is not true or false, saying how to write it", () => {
    for (const wrong of ["true", 1, null, "yes"]) {
      expect(messageFor({ ...valid, passwordSignIn: wrong }, "passwordSignIn")).toBe(
        `must be true or false (without quotes), or left out to keep password sign-in off; got ${
          typeof wrong === "string" ? `"${wrong}"` : String(wrong)
        }`,
      );
    }
  });

  it("does not mistake a misspelt passwordSignIn for the setting", () => {
    expect(messageFor({ ...valid, passwordSignin: true }, "passwordSignin")).toMatch(/check its spelling/);
  });

  it("turns idle sign-out on only for a positive number of minutes", () => {
    expect(parseConfig({ ...valid, idleSignOutMinutes: 15 }, APP).idleSignOutMinutes).toBe(15);
    expect(parseConfig({ ...valid, idleSignOutMinutes: 0.5 }, APP).idleSignOutMinutes).toBe(0.5);
    for (const wrong of [0, -5, "15", Number.POSITIVE_INFINITY, 100_000]) {
      expect(messageFor({ ...valid, idleSignOutMinutes: wrong }, "idleSignOutMinutes")).toMatch(
        /^must be a number of minutes greater than 0/,
      );
    }
  });

  it("keeps every setting that is given", () => {
    const config = parseConfig(
      {
        ...valid,
        issuer: "https://iam.mediavalet.com",
        scope: "openid api",
        redirectUri: "https://valet.example.com/app/callback",
        postLogoutRedirectUri: "https://valet.example.com/app/?signed-out=1",
        apiVersion: "1.1",
      },
      "https://valet.example.com/app/",
    );
    expect(config.issuer).toBe("https://iam.mediavalet.com");
    expect(config.scope).toBe("openid api");
    expect(config.redirectUri).toBe("https://valet.example.com/app/callback");
    expect(config.postLogoutRedirectUri).toBe("https://valet.example.com/app/?signed-out=1");
    expect(config.apiVersion).toBe("1.1");
  });

  it("drops the trailing slash of the authority, the issuer and the API base", () => {
    const config = parseConfig(
      {
        ...valid,
        authority: "https://login.mediavalet.com/",
        issuer: "https://iam.mediavalet.com/",
        apiBaseUrl: "https://api.mediavalet.com/v1/",
      },
      APP,
    );
    expect(config.authority).toBe("https://login.mediavalet.com");
    expect(config.issuer).toBe("https://iam.mediavalet.com");
    expect(config.apiBaseUrl).toBe("https://api.mediavalet.com/v1");
  });

  it("defaults the issuer to the normalised authority", () => {
    expect(parseConfig({ ...valid, authority: "https://login.example.com/tenant/" }, APP).issuer).toBe(
      "https://login.example.com/tenant",
    );
  });

  it("names every wrong field at once", () => {
    const issues = issuesOf({
      authority: "ftp://x",
      clientId: "",
      apiBaseUrl: 42,
      scope: "api",
      apiVersion: "2.0",
    });
    expect(issues).toEqual([
      {
        field: "authority",
        message:
          'must be an absolute https URL (http is allowed only for localhost / 127.0.0.1 / [::1]); got "ftp://x"',
      },
      { field: "clientId", message: "must not be empty" },
      { field: "scope", message: 'must contain "openid" (Valet signs in with OpenID Connect); got "api"' },
      { field: "apiBaseUrl", message: "must be a string (in quotes); got 42" },
      { field: "subscriptionKey", message: "is required" },
      { field: "apiVersion", message: 'must be one of "1.0", "1.1", "1.2" (a string, in quotes); got "2.0"' },
    ]);
  });

  it("reports each missing required setting", () => {
    expect(issuesOf({})).toEqual([
      { field: "authority", message: "is required" },
      { field: "clientId", message: "is required" },
      { field: "apiBaseUrl", message: "is required" },
      { field: "subscriptionKey", message: "is required" },
    ]);
  });

  it("reports an unknown key as a likely misspelling", () => {
    const misspelt: Record<string, unknown> = { ...valid, clientID: "valet" };
    delete misspelt["clientId"];
    expect(issuesOf(misspelt)).toEqual([
      { field: "clientId", message: "is required" },
      { field: "clientID", message: "is not a Valet setting; check its spelling" },
    ]);
  });

  it.each([
    ["null", null],
    ["a list", []],
    ['"text"', "text"],
    ["3", 3],
  ])("rejects a top level that is not an object (%s)", (shown, raw) => {
    expect(issuesOf(raw)).toEqual([
      {
        field: "config.json",
        message: `must be a JSON object of settings ({ "authority": … }); got ${shown}`,
      },
    ]);
  });

  it("accepts http only for loopback hosts", () => {
    for (const host of ["localhost:4010", "127.0.0.1:4010", "[::1]:4010"]) {
      expect(parseConfig({ ...valid, authority: `http://${host}` }, APP).authority).toBe(`http://${host}`);
    }
    expect(messageFor({ ...valid, authority: "http://login.mediavalet.com" }, "authority")).toMatch(
      /^must be an absolute https URL/,
    );
    expect(messageFor({ ...valid, apiBaseUrl: "http://api.mediavalet.com" }, "apiBaseUrl")).toMatch(
      /^must be an absolute https URL/,
    );
    expect(messageFor({ ...valid, redirectUri: "http://valet.example.com/callback" }, "redirectUri")).toMatch(
      /^must be an absolute https URL/,
    );
  });

  it("requires absolute URLs", () => {
    expect(messageFor({ ...valid, redirectUri: "/callback" }, "redirectUri")).toBe(
      'must be an absolute https URL (http is allowed only for localhost / 127.0.0.1 / [::1]); got "/callback"',
    );
    expect(
      messageFor({ ...valid, postLogoutRedirectUri: "https:valet.example.com" }, "postLogoutRedirectUri"),
    ).toMatch(/^must be an absolute https URL/);
  });

  it("rejects credentials, a query or a fragment in the authority and issuer", () => {
    expect(messageFor({ ...valid, authority: "https://me:secret@login.example.com" }, "authority")).toBe(
      'must not contain a user name or password (the "user:password@" part); remove it',
    );
    expect(messageFor({ ...valid, issuer: "https://iam.example.com?tenant=1" }, "issuer")).toBe(
      'must not have a query string ("?…"); got "https://iam.example.com?tenant=1"',
    );
    expect(messageFor({ ...valid, authority: "https://login.example.com/#x" }, "authority")).toBe(
      'must not have a fragment ("#…"); got "https://login.example.com/#x"',
    );
  });

  it("rejects a query in the API base and a fragment in a redirect URI", () => {
    expect(messageFor({ ...valid, apiBaseUrl: "https://api.example.com/?a=1" }, "apiBaseUrl")).toMatch(
      /^must not have a query string/,
    );
    expect(
      messageFor({ ...valid, redirectUri: "https://valet.example.com/callback#x" }, "redirectUri"),
    ).toMatch(/^must not have a fragment/);
  });

  it("does not repeat a wrongly typed subscription key in its message", () => {
    expect(messageFor({ ...valid, subscriptionKey: 12345 }, "subscriptionKey")).toBe(
      "must be a string (in quotes); got a number",
    );
  });

  it("rejects a value with spaces around it", () => {
    expect(messageFor({ ...valid, clientId: " valet" }, "clientId")).toBe(
      "has spaces at its start or end; remove them",
    );
  });

  it("rejects an API version given as a number", () => {
    expect(messageFor({ ...valid, apiVersion: 1.2 }, "apiVersion")).toBe(
      'must be one of "1.0", "1.1", "1.2" (a string, in quotes); got 1.2',
    );
  });

  it("reads scope as space-separated words, so openid must be a whole word", () => {
    expect(parseConfig({ ...valid, scope: "  api   openid " }, APP).scope).toBe("api openid");
    expect(messageFor({ ...valid, scope: "openidx api" }, "scope")).toMatch(/^must contain "openid"/);
    expect(messageFor({ ...valid, scope: ["openid"] }, "scope")).toBe(
      "must be a string of space-separated scopes; got a list",
    );
  });

  it("shortens a long value in its message", () => {
    const message = messageFor({ ...valid, authority: `not a url ${"x".repeat(200)}` }, "authority") ?? "";
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/\.\.\."$/);
  });
});
