/**
 * Runs npm scripts one after another, as `npm test` and `npm run test:quick` do, stops at the first that fails, and
 * prints how long each took, so that a slow step shows up in every run (CI's log included). Steps joined by "+" run
 * side by side (checks that read the tree and write nothing, each mostly on one core); their output is printed
 * step by step once all of them have ended, so that it does not interleave.
 *
 * Usage: `tsx scripts/runSteps.ts typecheck+lint build …` (script names from package.json).
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

const stages = process.argv.slice(2).map((stage) => stage.split("+").filter(Boolean));
if (stages.length === 0 || stages.some((stage) => stage.length === 0)) {
  console.error("Usage: tsx scripts/runSteps.ts <npm script>[+<npm script>…] [<npm script> …]");
  process.exit(2);
}

interface Timing {
  step: string;
  seconds: number;
  status: number;
}

/** Runs one npm script; its output goes straight through, or is kept and handed back when `keepOutput` is set. */
function run(step: string, keepOutput: boolean): Promise<Timing & { output: Buffer[] }> {
  const started = performance.now();
  const output: Buffer[] = [];
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", step], {
      stdio: keepOutput ? ["inherit", "pipe", "pipe"] : "inherit",
    });
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    const end = (status: number) =>
      resolve({ step, seconds: (performance.now() - started) / 1000, status, output });
    child.on("error", () => end(1));
    child.on("close", (code) => end(code ?? 1));
  });
}

const timings: Timing[] = [];
const started = performance.now();

for (const stage of stages) {
  const together = stage.length > 1;
  if (!together) console.log(`\n::: npm run ${stage[0]}`);
  const results = await Promise.all(stage.map((step) => run(step, together)));
  for (const { step, seconds, status, output } of results) {
    if (together) {
      console.log(`\n::: npm run ${step}`);
      process.stdout.write(Buffer.concat(output));
    }
    timings.push({ step, seconds, status });
  }
  if (results.some(({ status }) => status !== 0)) break;
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
