import type { CheckResult } from "./CheckResult";

export interface ReportHeading {
  configPath: string;
  origin: string;
}

const LABELS = { pass: "PASS", warn: "WARN", fail: "FAIL", skip: "SKIP" } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * The doctor's report as plain text: one line per check (status, title, detail), and under each failure or warning
 * an arrow line saying what to do. Ends with a tally.
 */
export function formatReport(heading: ReportHeading, results: readonly CheckResult[]): string {
  const width = Math.max(0, ...results.map((result) => result.title.length));
  const lines = [`Valet doctor: ${heading.configPath}, from ${heading.origin}`, ""];
  for (const result of results) {
    lines.push(`${LABELS[result.status]}  ${result.title.padEnd(width)}  ${result.detail}`);
    if (result.status === "fail" || result.status === "warn") lines.push(`      → ${result.advice}`);
  }
  const count = (status: CheckResult["status"]): number =>
    results.filter((result) => result.status === status).length;
  const tally = [
    `${count("pass")} passed`,
    plural(count("warn"), "warning"),
    `${count("fail")} failed`,
    ...(count("skip") > 0 ? [`${count("skip")} skipped`] : []),
  ];
  lines.push("", `${tally.join(", ")}.`);
  return `${lines.join("\n")}\n`;
}
