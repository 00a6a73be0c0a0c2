// `npm run bench [-- --runs 5] [--renewals 1000] [--out bench/baseline.txt] [--dist dist] [--waterfall | --soak]`
// Drives the production build in dist/ in Chromium against the sandbox, the way a person uses it, and prints what
// issue 7 asks for: JS per route, requests per phase, median timings, and the heap across many renewals.
// `--waterfall` instead prints the timings and, for the callback leg and the warm start of the run with the median
// callback leg, every request with its start and end relative to the navigation (issue 16): quicker, for reading
// the critical path. `--soak` runs only the heap soak. Figures are printed, never asserted: they vary with the machine.
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import playwrightConfig from "../playwright.config";
import { startSandbox, type Sandbox } from "../sandbox/startSandbox";
import { DEMO_USER } from "../sandbox/users";
import { gzipSize, kib } from "./bundleBudget";
import { startStaticServer, type StaticServer } from "./staticServer";
import { formatWaterfall, readWaterfall, withoutHash, type Waterfall } from "./bench/waterfall";
import {
  compositionGrowth,
  readHeap,
  renewalsInPage,
  slope,
  takeComposition,
  type HeapSample,
} from "./bench/heapSoak";
import { appConfigFor } from "../sandbox/appConfig";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    renewals: { type: "string", default: "1000" },
    out: { type: "string" },
    dist: { type: "string", default: "dist" },
    waterfall: { type: "boolean", default: false },
    soak: { type: "boolean", default: false },
  },
});
const RUNS = Number(values.runs);
const RENEWALS = Number(values.renewals);
const DIST = values.dist;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`There is no build in ${DIST}/. Run \`npm run build\` first.`);
  process.exit(1);
}

type Phase = "cold" | "callback" | "warm" | "renew";
type Kind = "app" | "discovery" | "jwks" | "token" | "authorize" | "auth other" | "api" | "media";

interface Setup {
  browser: Browser;
  site: StaticServer;
  sandbox: Sandbox;
  /** The redirect URI's path. */
  callbackPath: string;
}

function classify(url: string, setup: Setup): Kind | undefined {
  const parsed = new URL(url);
  if (parsed.origin === setup.site.origin) return "app";
  if (parsed.origin === setup.sandbox.authUrl) {
    if (parsed.pathname.endsWith("/.well-known/openid-configuration")) return "discovery";
    if (parsed.pathname.includes("jwks")) return "jwks";
    if (parsed.pathname === "/connect/token") return "token";
    if (parsed.pathname === "/connect/authorize") return "authorize";
    return "auth other";
  }
  if (parsed.origin === setup.sandbox.apiUrl) return parsed.pathname.includes("/media/") ? "media" : "api";
  return undefined;
}

/** A request's name in a waterfall: the site's files by path without the build hash, the rest by kind and path. */
function waterfallLabel(url: string, setup: Setup): { name: string; group?: string } | undefined {
  const kind = classify(url, setup);
  if (!kind) return undefined;
  const path = new URL(url).pathname;
  if (kind === "app") return { name: withoutHash(path) };
  if (kind === "media") return { name: `api ${path}`, group: "api /media/… (thumbnails)" };
  return { name: `${kind === "api" ? "api" : "auth"} ${path}` };
}

/** Counts the page's requests by kind while `during` runs. */
async function countRequests(
  page: Page,
  setup: Setup,
  during: () => Promise<void>,
): Promise<Map<Kind, number>> {
  const counts = new Map<Kind, number>();
  const onRequest = (request: Request) => {
    const kind = classify(request.url(), setup);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  };
  page.on("request", onRequest);
  try {
    await during();
  } finally {
    page.off("request", onRequest);
  }
  return counts;
}

const libraryHeading = (page: Page) => page.getByRole("heading", { name: "Library", exact: true });

/** Waits for the library's heading and its first answer from the API: the moment a person sees their assets. */
async function libraryShown(page: Page, setup: Setup): Promise<void> {
  const firstData = page.waitForResponse((response) => classify(response.url(), setup) === "api");
  await libraryHeading(page).waitFor();
  await firstData;
}

async function signInAtSandbox(page: Page): Promise<void> {
  await page.getByLabel("Username").fill(DEMO_USER.username);
  await page.getByLabel("Password").fill(DEMO_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function newContext(setup: Setup, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  return setup.browser.newContext({ baseURL: setup.site.url, ...(storageState ? { storageState } : {}) });
}

interface Run {
  boot: number;
  coldSignIn: number;
  callbackLeg: number;
  warmStart: number;
  renewal: number;
  counts: Record<Phase, Map<Kind, number>>;
  waterfalls: { callback: Waterfall; warm: Waterfall };
}

/** One full pass in a fresh browser context: boot, cold sign-in (with its callback leg), warm start, one renewal. */
async function runOnce(setup: Setup): Promise<Run> {
  const context = await newContext(setup);
  const page = await context.newPage();
  // Every request with its time, so the sign-in can be split at the moment the callback is requested.
  const seen: { kind: Kind; at: number }[] = [];
  let callbackAt = Number.POSITIVE_INFINITY;
  const onRequest = (request: Request) => {
    const at = performance.now();
    const kind = classify(request.url(), setup);
    if (kind) seen.push({ kind, at });
    if (kind === "app" && new URL(request.url()).pathname === setup.callbackPath) {
      callbackAt = Math.min(callbackAt, at);
    }
  };
  page.on("request", onRequest);
  const started = performance.now();
  await page.goto("");
  await page.getByRole("button", { name: "Sign in" }).first().waitFor();
  const booted = performance.now();
  await page.getByRole("button", { name: "Sign in" }).first().click();
  await page
    .getByLabel("Username")
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(
        `No sign-in form at ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 300)}`,
        {
          cause: error,
        },
      );
    });
  await signInAtSandbox(page);
  await libraryShown(page, setup);
  const shown = performance.now();
  const callbackWaterfall = await readWaterfall(page, (url) => waterfallLabel(url, setup));
  // The phase's requests include what the library asks for after its first data (thumbnails), not its timing.
  await page.waitForLoadState("networkidle");
  page.off("request", onRequest);
  const tally = (from: number, to: number) => {
    const counts = new Map<Kind, number>();
    for (const { kind, at } of seen) if (at >= from && at < to) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return counts;
  };
  const cold = tally(started, callbackAt);
  const callback = tally(callbackAt, Number.POSITIVE_INFINITY);
  const boot = booted - started;
  const coldSignIn = shown - booted;
  const callbackLeg = shown - callbackAt;

  let warmStart = 0;
  let warmWaterfall: Waterfall | undefined;
  const warm = await countRequests(page, setup, async () => {
    const started = performance.now();
    // Watched from before the reload: reload() returns only at the load event, after the thumbnails, by when the
    // first answer from the API is long gone and a later one would be taken for it.
    const shown = libraryShown(page, setup);
    await page.reload({ waitUntil: "commit" });
    await shown;
    warmStart = performance.now() - started;
    warmWaterfall = await readWaterfall(page, (url) => waterfallLabel(url, setup));
    await page.waitForLoadState("networkidle");
  });

  await page.goto("session");
  const renewButton = page.getByRole("button", { name: "Renew now" });
  await renewButton.waitFor();
  let renewal = 0;
  const renew = await countRequests(page, setup, async () => {
    renewal = await renewOnce(page, setup);
  });
  await context.close();
  if (!warmWaterfall) throw new Error("The warm start was not measured.");
  return {
    boot,
    coldSignIn,
    callbackLeg,
    warmStart,
    renewal,
    counts: { cold, callback, warm, renew },
    waterfalls: { callback: callbackWaterfall, warm: warmWaterfall },
  };
}

/** Presses "Renew now" and waits for the app to report the renewal done; returns how long that took. */
async function renewOnce(page: Page, setup: Setup): Promise<number> {
  const started = performance.now();
  const token = page.waitForResponse((response) => classify(response.url(), setup) === "token");
  await page.getByRole("button", { name: "Renew now" }).click();
  const response = await token;
  if (!response.ok()) throw new Error(`The renewal's token request answered ${response.status()}.`);
  await page
    .getByTestId("renewal-state")
    .filter({ hasText: /renewed at/ })
    .waitFor();
  await page.getByRole("button", { name: "Renew now" }).and(page.locator(":enabled")).waitFor();
  return performance.now() - started;
}

/** JS each route loads on a fresh page load (no HTTP cache), signed in except for the start page. */
async function jsPerRoute(setup: Setup, signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const probe = await newContext(setup, signedIn);
  const probePage = await probe.newPage();
  await probePage.goto("assets");
  await libraryHeading(probePage).waitFor();
  const tile = probePage.getByRole("list", { name: "Assets" }).locator("a").first();
  // Tiles arrive with the API's answer, after the heading; a library that shows none leaves the route out.
  await tile.waitFor({ timeout: 10_000 }).catch(() => undefined);
  const assetHref = (await tile.count()) > 0 ? await tile.getAttribute("href") : null;
  await probe.close();

  const routes: [label: string, path: string, state?: typeof signedIn][] = [
    ["/ (signed out)", ""],
    ["/ (signed in)", "", signedIn],
    ["/assets", "assets", signedIn],
    ...(assetHref
      ? [["/assets/:id", assetHref.replace(/^\//, ""), signedIn] as [string, string, typeof signedIn]]
      : []),
    ["/categories", "categories", signedIn],
    ["/session", "session", signedIn],
    ["/profile", "profile", signedIn],
  ];
  const rows: string[] = [];
  for (const [label, path, state] of routes) {
    const context = await newContext(setup, state);
    const page = await context.newPage();
    const bodies: Promise<number>[] = [];
    page.on("response", (response) => {
      if (classify(response.url(), setup) === "app" && response.url().endsWith(".js")) {
        bodies.push(response.body().then((body) => gzipSize(body)));
      }
    });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(bodies);
    rows.push(
      `  ${label.padEnd(16)} ${kib(sizes.reduce((a, b) => a + b, 0)).padStart(9)} in ${sizes.length} files`,
    );
    await context.close();
  }
  return rows;
}

/**
 * Renewals before the soak's first sample: first-renewal work (lazy chunks, JWKS) and the code V8 compiles and
 * optimises as the renewal path gets hot are not growth. Heap snapshot diffs showed the heap climbing in steps of
 * compiled code (InstructionStream, bytecode) for some 800 renewals from the page's load, no JS object count growing
 * with renewals, and the heap close to level after that.
 */
const SOAK_WARM_UP = 1000;
/** The soak samples the heap after each this many renewals. */
const SOAK_STEP = 100;

/**
 * The heap soak (issue 16): after a warm-up, `RENEWALS` renewals through the Session page's "Renew now", pressed by a
 * loop inside the page (see `renewalsInPage`), the heap read after a forced GC every `SOAK_STEP`. Growth per 100
 * renewals is the least-squares slope through the samples; heap snapshots one step before the first sample and at
 * the last say what the growth between them is made of.
 */
async function heapSoak(setup: Setup, signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const context = await newContext(setup, signedIn);
  const page = await context.newPage();
  await page.goto("session");
  await page.getByRole("button", { name: "Renew now" }).waitFor();
  const cdp = await context.newCDPSession(page);
  let tokenRequests = 0;
  page.on("request", (request) => {
    if (classify(request.url(), setup) === "token") tokenRequests += 1;
  });
  // The first snapshot comes one step before the first sample: the heap read right after a snapshot was some
  // 50 KiB lower than a step later (the snapshot's own work settles), which would tilt the slope.
  await page.evaluate(renewalsInPage(SOAK_WARM_UP - SOAK_STEP));
  const first = await takeComposition(page, cdp);
  await page.evaluate(renewalsInPage(SOAK_STEP));
  const warmUpRequests = tokenRequests;
  const samples: HeapSample[] = [{ renewals: 0, bytes: await readHeap(page, cdp) }];
  for (let done = 0; done < RENEWALS;) {
    const step = Math.min(SOAK_STEP, RENEWALS - done);
    await page.evaluate(renewalsInPage(step));
    done += step;
    samples.push({ renewals: done, bytes: await readHeap(page, cdp) });
  }
  const growth = compositionGrowth(first, await takeComposition(page, cdp));
  await context.close();
  return { samples, tokenRequests: tokenRequests - warmUpRequests, perHundred: slope(samples) * 100, growth };
}

/**
 * "Filter change to grid updated": on a signed-in library, ticks and unticks the Video type `RUNS` times each; each
 * change is timed from the click to the pager showing the new total, and its API requests are counted until the page
 * is idle (the panel debounces, so one change should cost one search and one facets request).
 */
async function filterChanges(setup: Setup, signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const context = await newContext(setup, signedIn);
  const page = await context.newPage();
  await page.goto("assets");
  const pager = page.getByTestId("pager-status").first();
  await pager.waitFor();
  await page.waitForLoadState("networkidle");
  const video = page.getByRole("region", { name: "Filters" }).getByRole("checkbox", { name: /^Video/ });
  const timings: number[] = [];
  let last = { search: 0, facets: 0, otherApi: 0 };
  for (let i = 0; i < RUNS * 2; i++) {
    const before = await pager.textContent();
    const counts = { search: 0, facets: 0, otherApi: 0 };
    const onRequest = (request: Request) => {
      if (classify(request.url(), setup) !== "api") return;
      const path = new URL(request.url()).pathname;
      if (path.endsWith("/assets/search")) counts.search += 1;
      else if (path.endsWith("/search/facets")) counts.facets += 1;
      else counts.otherApi += 1;
    };
    page.on("request", onRequest);
    const started = performance.now();
    await video.click();
    await page.waitForFunction(
      (previous) => document.querySelector('[data-testid="pager-status"]')?.textContent !== previous,
      before,
    );
    timings.push(performance.now() - started);
    await page.waitForLoadState("networkidle");
    page.off("request", onRequest);
    last = counts;
  }
  await context.close();
  return { median: median(timings), last };
}

/**
 * "Bulk add a keyword to 200 assets": selects four pages of 50 with "Select this page", then adds one keyword to
 * all of them through the selection bar; the time runs from "Apply" to the report. The goal is one `/bulk` request
 * per 200 assets, plus the selection's own reads (the pages it was picked from).
 */
async function bulkKeyword(setup: Setup, signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const context = await newContext(setup, signedIn);
  const page = await context.newPage();
  const api = { bulk: 0, other: 0 };
  page.on("request", (request) => {
    if (classify(request.url(), setup) !== "api") return;
    if (new URL(request.url()).pathname.endsWith("/bulk")) api.bulk += 1;
    else api.other += 1;
  });
  await page.goto("assets");
  await page.evaluate(() => sessionStorage.removeItem("valet.selection"));
  const pager = page.getByTestId("pager-status").first();
  for (let offset = 0; offset < 200; offset += 50) {
    await page.goto(offset === 0 ? "assets" : `assets?offset=${offset}`);
    await pager.filter({ hasText: `Showing ${offset + 1}–` }).waitFor();
    await page.getByRole("button", { name: "Select this page" }).click();
  }
  await page.getByTestId("selection-count").filter({ hasText: "200 selected" }).waitFor();
  await page.waitForLoadState("networkidle");
  const selectionReads = api.other;
  await page.getByRole("button", { name: "Add keywords" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/^Keywords/).fill("bench-bulk");
  const started = performance.now();
  await dialog.getByRole("button", { name: "Apply to 200 assets" }).click();
  await dialog.getByTestId("bulk-summary").waitFor();
  const elapsed = performance.now() - started;
  const summary = (await dialog.getByTestId("bulk-summary").textContent()) ?? "";
  await context.close();
  return { elapsed, bulk: api.bulk, selectionReads, applyOther: api.other - selectionReads, summary };
}

/** A signed-in browser state for the per-route and heap measurements. */
async function signedInState(setup: Setup) {
  const context = await newContext(setup);
  const page = await context.newPage();
  await page.goto("assets");
  await signInAtSandbox(page);
  await libraryShown(page, setup);
  const state = await context.storageState();
  await context.close();
  return state;
}

function formatSoak(heap: Awaited<ReturnType<typeof heapSoak>>): string[] {
  const signed = (bytes: number) => `${bytes >= 0 ? "+" : "-"}${kib(Math.abs(bytes))}`;
  const { growth } = heap;
  return [
    `Heap soak: ${RENEWALS} renewals after ${SOAK_WARM_UP} to warm up, "Renew now" pressed by a loop in the page, ` +
      `heap after a forced GC every ${SOAK_STEP} (${heap.tokenRequests} token requests):`,
    `  ${heap.samples.map(({ bytes }) => kib(bytes)).join(" -> ")}`,
    `  growth per 100 renewals: ${signed(heap.perHundred)} (least-squares slope; goal under 5 KiB)`,
    `  by heap snapshots over the last ${RENEWALS + SOAK_STEP} renewals: compiled code ${signed(growth.code)}, JS values ` +
      `${signed(growth.values)}; outside the JS heap, the browser's own objects ${signed(growth.native)} ` +
      `(DevTools keeps a record of each request while Playwright watches the network)`,
    `  object kinds that grew most: ${
      growth.grown.length === 0
        ? "none"
        : growth.grown.map(({ name, count, bytes }) => `${name} +${count} (${signed(bytes)})`).join(", ")
    }`,
  ];
}

function formatCounts(counts: Map<Kind, number>): string {
  const order: Kind[] = ["app", "discovery", "jwks", "authorize", "token", "auth other", "api", "media"];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = order.filter((kind) => counts.has(kind)).map((kind) => `${kind} ${counts.get(kind)}`);
  return `${String(total).padStart(3)}  (${parts.join(", ")})`;
}

async function main(): Promise<string> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  // The site starts first (the sandbox registers its origin); the config it serves then names the sandbox.
  const served: { config?: unknown } = {};
  const site = await startStaticServer({ root: DIST, config: () => served.config });
  const sandbox = await startSandbox({
    appOrigins: [site.origin],
    authPort: 0,
    apiPort: 0,
    ...(process.env.BENCH_LOG ? { log: (line: string) => console.error(line) } : {}),
  });
  served.config = appConfigFor(sandbox);
  const setup: Setup = { browser, site, sandbox, callbackPath: new URL("callback", site.url).pathname };
  try {
    if (values.soak) {
      const heap = await heapSoak(setup, await signedInState(setup));
      return [
        `Valet heap soak: production build in Chromium ${browser.version()}`,
        ...formatSoak(heap),
        "",
      ].join("\n");
    }
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(setup));
    const ms = (pick: (run: Run) => number) => `${median(runs.map(pick)).toFixed(0).padStart(5)} ms`;
    const medianTimings = () => [
      `Median timings over ${RUNS} runs:`,
      `  boot (start page usable)              ${ms((run) => run.boot)}`,
      `  cold sign-in (click to library data)  ${ms((run) => run.coldSignIn)}`,
      `  callback leg (callback to library)    ${ms((run) => run.callbackLeg)}`,
      `  warm start (reload to library data)   ${ms((run) => run.warmStart)}`,
      `  renewal ("Renew now" to renewed)      ${ms((run) => run.renewal)}`,
    ];
    if (values.waterfall) {
      // The run whose callback leg is the median one: a typical load, not the luckiest or the noisiest.
      const byLeg = [...runs].sort((a, b) => a.callbackLeg - b.callbackLeg);
      const typical = byLeg[Math.floor((byLeg.length - 1) / 2)];
      if (!typical) throw new Error("No run to show.");
      return [
        `Valet waterfall: production build in Chromium ${browser.version()} against the sandbox, ${RUNS} runs`,
        "",
        ...medianTimings(),
        "",
        ...formatWaterfall(
          `Callback leg (the run with the median leg, ${typical.callbackLeg.toFixed(0)} ms)`,
          typical.waterfalls.callback,
        ),
        "",
        ...formatWaterfall(
          `Warm start (same run, ${typical.warmStart.toFixed(0)} ms)`,
          typical.waterfalls.warm,
        ),
        "",
      ].join("\n");
    }

    const signedIn = await signedInState(setup);

    const js = await jsPerRoute(setup, signedIn);
    const heap = await heapSoak(setup, signedIn);
    const filter = await filterChanges(setup, signedIn);
    const bulk = await bulkKeyword(setup, signedIn);
    const last = runs.at(-1);
    const lines = [
      `Valet bench: production build in Chromium ${browser.version()} against the sandbox, ${RUNS} runs`,
      "",
      "JS per route (gzip, fresh load without HTTP cache):",
      ...js,
      "",
      "Requests per phase (last run; app = this site's own files):",
      ...(last
        ? (["cold", "callback", "warm", "renew"] as const).map(
            (phase) => `  ${phase.padEnd(9)} ${formatCounts(last.counts[phase])}`,
          )
        : []),
      "",
      ...medianTimings(),
      `  filter change to grid updated         ${filter.median.toFixed(0).padStart(5)} ms ` +
        `(${RUNS * 2} changes; last: ${filter.last.search} search, ${filter.last.facets} facets, ` +
        `${filter.last.otherApi} other API requests)`,
      `  bulk add a keyword to 200 assets      ${bulk.elapsed.toFixed(0).padStart(5)} ms ` +
        `(${bulk.bulk} /bulk request(s), ${bulk.applyOther} other API requests while applying; ` +
        `${bulk.selectionReads} API requests to pick the selection; "${bulk.summary.trim()}")`,
      "",
      ...formatSoak(heap),
      "",
    ];
    return lines.join("\n");
  } finally {
    await browser.close();
    await Promise.all([site.close(), sandbox.close()]);
  }
}

const report = await main();
console.log(report);
if (values.out) await writeFile(values.out, report);
