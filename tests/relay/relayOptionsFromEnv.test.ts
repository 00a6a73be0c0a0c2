import { describe, expect, it } from "vitest";
import { RELAY_ENV, relayOptionsFromEnv } from "../../relay/relayOptionsFromEnv";

const SECRET = "env-secret-never-shown";

const ENV = {
  VALET_RELAY_TOKEN_ENDPOINT: "https://login.mediavalet.com/connect/token",
  VALET_RELAY_REVOCATION_ENDPOINT: "https://login.mediavalet.com/connect/revocation",
  VALET_RELAY_CLIENT_ID: "a-guid-from-support",
  VALET_RELAY_CLIENT_SECRET: SECRET,
  VALET_RELAY_ALLOWED_ORIGINS: "https://valet.example.com, https://staging.valet.example.com",
};

function problemsOf(env: Record<string, string | undefined>): string {
  try {
    relayOptionsFromEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("relayOptionsFromEnv accepted the environment");
}

describe("relayOptionsFromEnv", () => {
  it("reads the relay's options from VALET_RELAY_* variables, password grant off by default", () => {
    expect(relayOptionsFromEnv(ENV)).toEqual({
      tokenEndpoint: "https://login.mediavalet.com/connect/token",
      revocationEndpoint: "https://login.mediavalet.com/connect/revocation",
      clientId: "a-guid-from-support",
      clientSecret: SECRET,
      allowedOrigins: ["https://valet.example.com", "https://staging.valet.example.com"],
      allowPasswordGrant: false,
    });
  });

  it('turns the password grant on only for "true", and reads the client authentication', () => {
    const options = relayOptionsFromEnv({
      ...ENV,
      VALET_RELAY_ALLOW_PASSWORD: "true",
      VALET_RELAY_CLIENT_AUTH: "client_secret_basic",
    });
    expect(options.allowPasswordGrant).toBe(true);
    expect(options.clientAuth).toBe("client_secret_basic");
    expect(relayOptionsFromEnv({ ...ENV, VALET_RELAY_ALLOW_PASSWORD: "false" }).allowPasswordGrant).toBe(
      false,
    );
    expect(problemsOf({ ...ENV, VALET_RELAY_ALLOW_PASSWORD: "yes" })).toContain("VALET_RELAY_ALLOW_PASSWORD");
    expect(problemsOf({ ...ENV, VALET_RELAY_CLIENT_AUTH: "private_key_jwt" })).toContain(
      "VALET_RELAY_CLIENT_AUTH",
    );
  });

  it("names every missing variable in one message", () => {
    const message = problemsOf({});
    for (const name of [
      RELAY_ENV.tokenEndpoint,
      RELAY_ENV.revocationEndpoint,
      RELAY_ENV.clientId,
      RELAY_ENV.clientSecret,
      RELAY_ENV.allowedOrigins,
    ]) {
      expect(message).toContain(`${name} is not set`);
    }
  });

  it("names every invalid variable: https required except on loopback, origins without paths", () => {
    const message = problemsOf({
      ...ENV,
      VALET_RELAY_TOKEN_ENDPOINT: "http://login.mediavalet.com/connect/token",
      VALET_RELAY_REVOCATION_ENDPOINT: "login.mediavalet.com/connect/revocation",
      VALET_RELAY_ALLOWED_ORIGINS: "https://valet.example.com/app/, ,",
    });
    expect(message).toContain("VALET_RELAY_TOKEN_ENDPOINT");
    expect(message).toContain("https");
    expect(message).toContain("VALET_RELAY_REVOCATION_ENDPOINT");
    expect(message).toContain(
      '"https://valet.example.com/app/" must be an origin like "https://valet.example.com"',
    );

    expect(() =>
      relayOptionsFromEnv({
        ...ENV,
        VALET_RELAY_TOKEN_ENDPOINT: "http://127.0.0.1:4010/connect/token",
        VALET_RELAY_ALLOWED_ORIGINS: "http://127.0.0.1:5173",
      }),
    ).not.toThrow();
  });

  it("never shows the secret, even when it was pasted into another variable", () => {
    const message = problemsOf({
      ...ENV,
      VALET_RELAY_CLIENT_ID: "",
      VALET_RELAY_CLIENT_AUTH: SECRET,
      VALET_RELAY_ALLOWED_ORIGINS: SECRET,
    });
    expect(message).toContain("VALET_RELAY_CLIENT_ID is not set");
    expect(message).toContain("VALET_RELAY_CLIENT_AUTH");
    expect(message).not.toContain(SECRET);
  });

  it("says the secret is missing without showing anything of it", () => {
    expect(problemsOf({ ...ENV, VALET_RELAY_CLIENT_SECRET: "   " })).toContain(
      "VALET_RELAY_CLIENT_SECRET is not set",
    );
  });
});
