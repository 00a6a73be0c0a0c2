/** Every check the doctor runs, in the order it prints them. */
export type CheckId =
  | "config"
  | "discovery"
  | "issuer"
  | "pkce"
  | "iss-parameter"
  | "https-endpoints"
  | "response-type"
  | "grants"
  | "logout-endpoints"
  | "cors-discovery"
  | "cors-jwks"
  | "cors-token"
  | "client"
  | "cors-relay"
  | "cors-api-search"
  | "cors-api-patch"
  | "api-key"
  | "cors-api-response"
  | "api-version"
  | "dpop";

/**
 * What one check found. A failure or a warning always says what to do about it: what to ask MediaValet Support
 * for, or what to change in config.json. A skipped check could not run because one it depends on failed.
 */
export type Verdict =
  | { status: "pass"; detail: string }
  | { status: "warn"; detail: string; advice: string }
  | { status: "fail"; detail: string; advice: string }
  | { status: "skip"; detail: string };

export type CheckResult = Verdict & { id: CheckId; title: string };

export const pass = (detail: string): Verdict => ({ status: "pass", detail });
export const warn = (detail: string, advice: string): Verdict => ({ status: "warn", detail, advice });
export const fail = (detail: string, advice: string): Verdict => ({ status: "fail", detail, advice });
