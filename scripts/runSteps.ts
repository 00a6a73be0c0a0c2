/**
 * Runs npm scripts one after another, as `npm test` and `npm run test:quick` do, stops at the first that fails, and
 * prints how long each took, so that a slow step shows up in every run (CI's log included).
 *
 * Usage: `tsx scripts/runSteps.ts typecheck lint …` (script names from package.json).
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const steps = process.argv.slice(2);
if (steps.length === 0) {
  console.error("Usage: tsx scripts/runSteps.ts <npm script> [<npm script> …]");
  process.exit(2);
}

const timings: { step: string; seconds: number; status: number }[] = [];
const started = performance.now();

for (const step of steps) {
  console.log(`\n::: npm run ${step}`);
  const stepStarted = performance.now();
  const result = spawnSync("npm", ["run", "--silent", step], { stdio: "inherit" });
  const status = result.status ?? 1;
  timings.push({ step, seconds: (performance.now() - stepStarted) / 1000, status });
  if (status !== 0) break;
}

console.log("\n::: durations");
for (const { step, seconds, status } of timings) {
  console.log(
    `${seconds.toFixed(1).padStart(7)} s  ${step}${status === 0 ? "" : `  (failed, exit ${status})`}`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);

const failed = timings.find((timing) => timing.status !== 0);
if (failed) {
  console.error(`\n"npm run ${failed.step}" failed; the steps after it did not run.`);
  process.exit(failed.status);
}
