// The JS budget: what a first visit downloads, everything else the app can load, and the on-demand libraries, in gzip.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { firstPageChunks, holds } from "./chunkGraph.ts";

export interface BudgetLimits {
  /** The start page for a signed-out visitor: the entry, its static imports, and the start page's own chunks. */
  firstPageBytes: number;
  /** Every JS file the build contains, except the on-demand libraries below. */
  totalBytes: number;
  /**
   * Large third-party libraries that only one kind of page loads (the video player), each with a limit of its own,
   * so that they neither hide growth of the app's own code inside a generous total nor break it.
   */
  onDemand: readonly OnDemandLimit[];
}

export interface OnDemandLimit {
  /** What it is, for the report: "the HLS player (video pages only)". */
  what: string;
  /** Matches the chunk's file name. */
  fileName: RegExp;
  bytes: number;
}

/**
 * What a signed-out visitor's first page may cost (entry, its static imports and the start page), and everything
 * the app can ever load, in gzip bytes. oidc-client-ts and the API client load only when a session needs them.
 */
export const VALET_BUDGET: BudgetLimits = {
  firstPageBytes: 30 * 1024,
  totalBytes: 140 * 1024,
  onDemand: [
    { what: "the HLS player (video pages only)", fileName: /(^|\/)hls\.light-[^/]*\.js$/, bytes: 120 * 1024 },
  ],
};

/** What the budget needs to know of one output chunk; a subset of rollup's and rolldown's OutputChunk. */
export interface ChunkInfo {
  fileName: string;
  code: string;
  isEntry: boolean;
  /** The modules whose code the chunk holds. */
  moduleIds: readonly string[];
  /** Static imports: fetched before the importer runs. */
  imports: readonly string[];
}

export interface BudgetReport {
  chunks: { fileName: string; gzip: number; firstPage: boolean; onDemand?: OnDemandLimit }[];
  firstPage: number;
  total: number;
  problems: string[];
}

/** Gzip at level 9, as vite's own size report measures. */
export function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

/**
 * Measures the chunks against the limits.
 * @param firstPageModules source paths (suffixes) whose lazy chunks the first page loads, e.g. the start page
 */
export function measureBudget(
  chunks: readonly ChunkInfo[],
  firstPageModules: readonly string[],
  limits: BudgetLimits = VALET_BUDGET,
): BudgetReport {
  const problems: string[] = [];
  for (const module of firstPageModules) {
    if (!chunks.some((chunk) => holds(chunk, [module]))) {
      problems.push(`No chunk holds ${module}: the budget no longer knows what the first page loads.`);
    }
  }
  const firstPageFiles = firstPageChunks(chunks, firstPageModules);
  const measured = chunks
    .map((chunk) => ({
      fileName: chunk.fileName,
      gzip: gzipSize(chunk.code),
      firstPage: firstPageFiles.has(chunk.fileName),
      onDemand: limits.onDemand.find((limit) => limit.fileName.test(chunk.fileName)),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  const firstPage = measured.filter((chunk) => chunk.firstPage).reduce((sum, chunk) => sum + chunk.gzip, 0);
  const total = measured.filter((chunk) => !chunk.onDemand).reduce((sum, chunk) => sum + chunk.gzip, 0);
  for (const limit of limits.onDemand) {
    const matching = measured.filter((chunk) => chunk.onDemand === limit);
    if (matching.some((chunk) => chunk.firstPage)) {
      problems.push(`${limit.what} is on the first page; it must load only where it is needed.`);
    }
    const bytes = matching.reduce((sum, chunk) => sum + chunk.gzip, 0);
    if (bytes > limit.bytes) {
      problems.push(`${limit.what} is ${kib(bytes)} gzip, over its budget of ${kib(limit.bytes)}.`);
    }
  }
  if (firstPage > limits.firstPageBytes) {
    problems.push(
      `First-page JS is ${kib(firstPage)} gzip, over its budget of ${kib(limits.firstPageBytes)}.`,
    );
  }
  if (total > limits.totalBytes) {
    problems.push(
      `All JS but the on-demand libraries is ${kib(total)} gzip, over its budget of ${kib(limits.totalBytes)}.`,
    );
  }
  return { chunks: measured, firstPage, total, problems };
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatBudget(report: BudgetReport, limits: BudgetLimits = VALET_BUDGET): string {
  const width = Math.max(...report.chunks.map((chunk) => chunk.fileName.length), 10);
  const rows = report.chunks.map(
    (chunk) =>
      `  ${chunk.fileName.padEnd(width)}  ${kib(chunk.gzip).padStart(9)}${chunk.firstPage ? "  first page" : ""}${chunk.onDemand ? `  on demand: ${chunk.onDemand.what}, of ${kib(chunk.onDemand.bytes)}` : ""}`,
  );
  return [
    "JS budget (gzip):",
    ...rows,
    `  first page ${kib(report.firstPage)} of ${kib(limits.firstPageBytes)}; all JS but the on-demand libraries ${kib(report.total)} of ${kib(limits.totalBytes)}`,
  ].join("\n");
}

/**
 * Prints the JS budget after every production build and fails the build when it is exceeded.
 * @param firstPageModules see measureBudget
 */
export function bundleBudget(
  firstPageModules: readonly string[],
  limits: BudgetLimits = VALET_BUDGET,
): Plugin {
  return {
    name: "valet:bundle-budget",
    apply: "build",
    // Last, so that it measures the files as they are written: vite adds each dynamic import's list of files to
    // preload in its own generateBundle, and measured before that the first page was 0.5 KiB lighter than served.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const chunks: ChunkInfo[] = [];
        for (const output of Object.values(bundle)) {
          if (output.type !== "chunk") continue;
          chunks.push({
            fileName: output.fileName,
            code: output.code,
            isEntry: output.isEntry,
            moduleIds: output.moduleIds,
            imports: output.imports,
          });
        }
        const report = measureBudget(chunks, firstPageModules, limits);
        console.log(`\n${formatBudget(report, limits)}\n`);
        if (report.problems.length > 0) this.error(report.problems.join("\n"));
      },
    },
  };
}
