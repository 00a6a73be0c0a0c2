import { buildForSubpath, subpathDistDir } from "./siteFixtures";

/**
 * Builds the app for the sub-path once, before Playwright starts any worker: a build inside a worker would run once
 * per worker and count against a test's time. The folder is named after the suite's own build, so two suites run
 * from one checkout (VALET_E2E_DIST) never build into each other's folder.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  await buildForSubpath(subpathDistDir());
  console.log(`e2e: sub-path build made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
