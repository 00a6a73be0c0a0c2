import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../scripts/doctor/CheckResult";
import { formatReport } from "../../scripts/doctor/formatReport";

const heading = { configPath: "dist/config.json", origin: "https://valet.example.com" };

describe("formatReport", () => {
  it("prints one aligned line per check, advice under failures and warnings, and a tally", () => {
    const results: CheckResult[] = [
      { id: "discovery", title: "Discovery document", status: "pass", detail: "200 JSON from https://a/x" },
      {
        id: "cors-token",
        title: "CORS on the token endpoint",
        status: "fail",
        detail: "no Access-Control-Allow-Origin",
        advice:
          "Ask MediaValet Support to add https://valet.example.com to the client's allowed CORS origins.",
      },
      { id: "client", title: "Client id accepted", status: "skip", detail: "not checked" },
      {
        id: "api-version",
        title: "API version",
        status: "warn",
        detail: "config.json asks for API version 1.0",
        advice: 'Set "apiVersion": "1.2" in config.json.',
      },
    ];

    expect(formatReport(heading, results)).toBe(
      [
        "Valet doctor: dist/config.json, from https://valet.example.com",
        "",
        "PASS  Discovery document          200 JSON from https://a/x",
        "FAIL  CORS on the token endpoint  no Access-Control-Allow-Origin",
        "      → Ask MediaValet Support to add https://valet.example.com to the client's allowed CORS origins.",
        "SKIP  Client id accepted          not checked",
        "WARN  API version                 config.json asks for API version 1.0",
        '      → Set "apiVersion": "1.2" in config.json.',
        "",
        "1 passed, 1 warning, 1 failed, 1 skipped.",
        "",
      ].join("\n"),
    );
  });

  it("leaves skipped checks out of the tally when there are none", () => {
    const results: CheckResult[] = [{ id: "issuer", title: "Issuer", status: "pass", detail: "ok" }];

    expect(formatReport(heading, results)).toMatch(/\n1 passed, 0 warnings, 0 failed\.\n$/);
  });
});
