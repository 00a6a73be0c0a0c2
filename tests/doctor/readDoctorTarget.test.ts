import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/ConfigError";
import { OriginProblem, readDoctorTarget } from "../../scripts/doctor/readDoctorTarget";

const config = {
  authority: "https://login.mediavalet.com",
  issuer: "https://iam.mediavalet.com",
  clientId: "valet",
  apiBaseUrl: "https://api.mediavalet.com",
  subscriptionKey: "key",
};

describe("readDoctorTarget", () => {
  it("takes the app's origin from --origin", () => {
    const target = readDoctorTarget(config, "https://valet.example.com");

    expect(target.origin).toBe("https://valet.example.com");
    expect(target.config.redirectUri).toBe("https://valet.example.com/callback");
  });

  it("takes the app's origin from redirectUri when there is no --origin", () => {
    const target = readDoctorTarget(
      { ...config, redirectUri: "https://valet.example.com/dam/callback" },
      undefined,
    );

    expect(target.origin).toBe("https://valet.example.com");
  });

  it("refuses to guess when neither names an origin", () => {
    expect(() => readDoctorTarget(config, undefined)).toThrow(OriginProblem);
  });

  it("refuses an --origin with a path", () => {
    expect(() => readDoctorTarget(config, "https://valet.example.com/app")).toThrow(/must be an origin/);
  });

  it("reports what config.json gets wrong, as Valet would", () => {
    expect(() => readDoctorTarget({ ...config, clientId: undefined }, "https://valet.example.com")).toThrow(
      ConfigError,
    );
  });
});
