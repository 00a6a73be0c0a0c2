import {
  apiKeyCheck,
  apiPatchCorsCheck,
  apiResponseCorsCheck,
  apiSearchCorsCheck,
  apiVersionCheck,
} from "./apiChecks";
import type { Check } from "./Check";
import type { CheckResult, Verdict } from "./CheckResult";
import { clientCheck } from "./clientCheck";
import { discoveryCorsCheck, jwksCorsCheck, relayCorsCheck, tokenCorsCheck } from "./corsChecks";
import { createDoctorContext, NeedsCheck, type DoctorContext, type DoctorTarget } from "./DoctorContext";
import {
  discoveryCheck,
  grantsCheck,
  httpsEndpointsCheck,
  issParameterCheck,
  issuerCheck,
  logoutEndpointsCheck,
  pkceCheck,
  responseTypeCheck,
} from "./discoveryChecks";
import { dpopCheck } from "./dpopCheck";
import { createProbe, ProbeError } from "./probe";

/** Every check, in the order of the report: the auth server, then CORS from the app's origin, then the API. */
export const CHECKS: readonly Check[] = [
  discoveryCheck,
  issuerCheck,
  pkceCheck,
  issParameterCheck,
  httpsEndpointsCheck,
  responseTypeCheck,
  grantsCheck,
  logoutEndpointsCheck,
  discoveryCorsCheck,
  jwksCorsCheck,
  tokenCorsCheck,
  clientCheck,
  relayCorsCheck,
  apiSearchCorsCheck,
  apiPatchCorsCheck,
  apiKeyCheck,
  apiResponseCorsCheck,
  apiVersionCheck,
  dpopCheck,
];

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface DoctorOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The one place where a check's typed failures become results: no answer is a failure, a missing prerequisite a skip. */
async function runCheck(check: Check, context: DoctorContext): Promise<CheckResult> {
  let verdict: Verdict;
  try {
    verdict = await check.run(context);
  } catch (error) {
    if (error instanceof NeedsCheck) {
      verdict = { status: "skip", detail: `not checked: needs the "${error.check}" check to pass` };
    } else if (error instanceof ProbeError) {
      verdict = {
        status: "fail",
        detail: error.message,
        advice:
          `Check that this machine can reach ${new URL(error.url).host} and that the URL in config.json is right; ` +
          `if both are, ask MediaValet Support whether the service is up.`,
      };
    } else {
      throw error;
    }
  }
  return { id: check.id, title: check.title, ...verdict };
}

/**
 * Checks, without a password, what a deployment of Valet needs from the auth server and the API, from the origin
 * Valet is served from. Requests run in parallel; the results come back in the order of `CHECKS`.
 */
export async function runDoctor(target: DoctorTarget, options: DoctorOptions = {}): Promise<CheckResult[]> {
  const probe = createProbe({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, fetch: options.fetch });
  const context = createDoctorContext(target, probe);
  const checks = CHECKS.filter((check) => check.appliesTo?.(target) ?? true);
  return Promise.all(checks.map((check) => runCheck(check, context)));
}
