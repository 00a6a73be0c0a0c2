import { defineConfig } from "@playwright/test";

// Debian's Chromium: test tools cannot download their own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // A suite run against its own build (VALET_E2E_DIST) keeps its own results: Playwright empties this folder first.
  outputDir: process.env.VALET_E2E_DIST
    ? `${process.env.VALET_E2E_DIST.replace(/\/+$/, "")}-results`
    : "test-results",
  // Builds the sub-path variant once, before any worker starts (see tests/e2e/globalSetup.ts).
  globalSetup: "./tests/e2e/globalSetup.ts",
  // Every test stands alone: each worker has its own site and sandbox, and each test resets the sandbox's controls.
  fullyParallel: true,
  // One worker per core: each worker runs a Chromium, a static server and a sandbox; more only adds contention.
  workers: Number(process.env.VALET_E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // A stray test.only would silently skip the rest of the suite, locally as much as in CI.
  forbidOnly: true,
  use: {
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
