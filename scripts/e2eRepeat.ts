/**
 * The flake check: runs the end-to-end suite N times in a row (`npm run test:e2e:repeat -- 5`, default 5) and prints
 * how often each test passed. Any arguments after the count go to Playwright (a file, `--grep`, …). Exits non-zero
 * when any run had a test that did not pass.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface JsonSpec {
  title: string;
  file: string;
  line: number;
  tests: { results: { status: string }[] }[];
}
interface JsonSuite {
  title: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

function collect(suite: JsonSuite, path: string[], into: Map<string, boolean>): void {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) {
    const passed = spec.tests.every((test) => test.results.at(-1)?.status === "passed");
    into.set(`${spec.file}:${spec.line} › ${[...here.slice(1), spec.title].join(" › ")}`, passed);
  }
  for (const child of suite.suites ?? []) collect(child, here, into);
}

const [countArg, ...playwrightArgs] = process.argv.slice(2);
const runs = Number(countArg ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(
    `Usage: npm run test:e2e:repeat -- <runs> [playwright arguments]; "${countArg}" is no count.`,
  );
  process.exit(2);
}

const folder = mkdtempSync(join(tmpdir(), "valet-e2e-repeat-"));
const passes = new Map<string, number>();
const durations: number[] = [];
let failedRuns = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const output = join(folder, `run-${run}.json`);
    const started = Date.now();
    const result = spawnSync("npx", ["playwright", "test", "--reporter=json", ...playwrightArgs], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
    });
    durations.push((Date.now() - started) / 1000);
    const report = JSON.parse(readFileSync(output, "utf8")) as { suites: JsonSuite[] };
    const outcomes = new Map<string, boolean>();
    for (const suite of report.suites) collect(suite, [], outcomes);
    for (const [name, passed] of outcomes) passes.set(name, (passes.get(name) ?? 0) + (passed ? 1 : 0));
    const failed = [...outcomes.values()].filter((passed) => !passed).length;
    if (failed > 0 || result.status !== 0) failedRuns++;
    console.log(
      `run ${run}/${runs}: ${outcomes.size - failed} passed, ${failed} failed, ${durations.at(-1)?.toFixed(0)} s`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

console.log(`\npasses out of ${runs}, per test:`);
for (const [name, count] of [...passes].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${count === runs ? "  " : "✘ "}${count}/${runs}  ${name}`);
}
console.log(`\n${runs - failedRuns} of ${runs} runs without a failure.`);
process.exit(failedRuns === 0 ? 0 : 1);
