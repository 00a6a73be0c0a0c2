import type { CheckId, Verdict } from "./CheckResult";
import type { DoctorContext, DoctorTarget } from "./DoctorContext";

/** One thing the doctor checks. `run` may throw `ProbeError` or `NeedsCheck`; `runDoctor` turns those into results. */
export interface Check {
  id: CheckId;
  title: string;
  /** Leaves the check out of the report for deployments it does not concern (default: every deployment). */
  appliesTo?(target: DoctorTarget): boolean;
  run(context: DoctorContext): Promise<Verdict>;
}
