// Writes into the build the list of files a return from the sign-in page will load, so that the start page can have
// the browser fetch them into its cache while the visitor is still there (src/prefetchSignInReturn.ts, issue 16).
import { posix } from "node:path";
import type { Plugin } from "vite";
import { firstPageChunks, holds, staticClosure } from "./chunkGraph.ts";

/**
 * What src/signInReturnFiles.ts holds in the source: an array with one marker string, which the build replaces with
 * the file names. Dev and unit tests keep the marker, which names no file, so nothing is fetched there.
 */
export const FILES_MARKER = "valet:sign-in-return-files";
const MARKER_ARRAY = /\[\s*(["'`])valet:sign-in-return-files\1\s*\]/;

/** What the list needs to know of one chunk; a subset of rolldown's RenderedChunk. */
export interface ReturnChunkInfo {
  fileName: string;
  isEntry: boolean;
  /** The modules whose code the chunk holds: none for a facade, which the build does not write (directLazyImports). */
  moduleIds: readonly string[];
  /** Static imports: fetched before the importer runs. */
  imports: readonly string[];
}

/**
 * The chunks that hold `returnModules`, with everything they import statically, less what the first page already
 * loaded (firstPageChunks): that is in the cache already. Sorted by file name, so that the same build always writes
 * the same list.
 * @param returnModules source paths (suffixes) the return from the sign-in page imports, e.g. "/src/pages/LibraryPage.tsx"
 * @param firstPageModules source paths (suffixes) of the pages the visitor is on before signing in
 * @throws Error when no chunk holds one of `returnModules` (the list would silently miss it)
 */
export function signInReturnChunks(
  chunks: readonly ReturnChunkInfo[],
  returnModules: readonly string[],
  firstPageModules: readonly string[],
): string[] {
  for (const module of returnModules) {
    if (!chunks.some((chunk) => holds(chunk, [module]))) {
      throw new Error(`No chunk holds ${module}: the sign-in return's file list would miss it.`);
    }
  }
  const loaded = firstPageChunks(chunks, firstPageModules);
  const needed = staticClosure(
    chunks.filter((chunk) => holds(chunk, returnModules)).map((chunk) => chunk.fileName),
    new Map(chunks.map((chunk) => [chunk.fileName, chunk])),
  );
  return [...needed].filter((fileName) => !loaded.has(fileName)).sort();
}

/**
 * Replaces the marker array in `code` with `files`, each relative to the chunk `fromFile` (both relative to the
 * output folder), so that the page resolves them against the module's own URL and any base path works. Scripts only:
 * the site has one stylesheet, which the first page loads (vite.config.ts, cssCodeSplit).
 * @returns the new code, or undefined when `code` has no marker
 */
export function writeFileList(code: string, fromFile: string, files: readonly string[]): string | undefined {
  if (!MARKER_ARRAY.test(code)) return undefined;
  return code.replace(MARKER_ARRAY, () => JSON.stringify(relativeTo(fromFile, files)));
}

function relativeTo(fromFile: string, files: readonly string[]): string[] {
  const from = posix.dirname(fromFile);
  return files.map((file) => {
    const path = posix.relative(from, file);
    return path.startsWith(".") ? path : `./${path}`;
  });
}

/**
 * Chunks that import each other, directly or through others (each cycle once, as the chain of file names). Legal in
 * ES modules, but which of them runs first then depends on which one is asked for, so a module of one that uses the
 * other's exports while it loads may find them not yet there.
 */
export function importCycles(chunks: readonly Pick<ReturnChunkInfo, "fileName" | "imports">[]): string[][] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const state = new Map<string, "open" | "done">();
  const cycles: string[][] = [];
  const visit = (fileName: string, path: string[]) => {
    state.set(fileName, "open");
    for (const next of byName.get(fileName)?.imports ?? []) {
      if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), fileName, next]);
      else if (!state.has(next)) visit(next, [...path, fileName]);
    }
    state.set(fileName, "done");
  };
  for (const chunk of chunks) if (!state.has(chunk.fileName)) visit(chunk.fileName, []);
  return cycles;
}

/**
 * The vite side. The scripts are written while chunks render, where their file names still carry hash placeholders:
 * the bundler puts the final names in and lets them count in the list chunk's own hash, so that a new build of any
 * listed file gives the list a new URL too (they are all cached for good). Once the bundle is complete, it fails the
 * build on chunks that import each other.
 * @param returnModules see signInReturnChunks
 * @param firstPageModules see signInReturnChunks
 */
export function signInReturnFiles(
  returnModules: readonly string[],
  firstPageModules: readonly string[],
): Plugin {
  let written = false;
  return {
    name: "valet:sign-in-return-files",
    apply: "build",
    renderStart() {
      written = false;
    },
    renderChunk(code, chunk, _options, meta) {
      if (!code.includes(FILES_MARKER)) return null;
      const files = signInReturnChunks(Object.values(meta.chunks), returnModules, firstPageModules);
      const replaced = writeFileList(code, chunk.fileName, files);
      if (replaced === undefined) return null;
      written = true;
      return { code: replaced, map: null };
    },
    generateBundle(_options, bundle) {
      if (!written)
        this.error(`No chunk has the marker ${FILES_MARKER}: the start page would prefetch nothing.`);
      const chunks = Object.values(bundle).flatMap((output) => (output.type === "chunk" ? [output] : []));
      // A cycle is one more file for the group's page to wait for; as a warning, one went unseen (issue 16).
      const cycles = importCycles(chunks).map(
        (cycle) =>
          `Chunks import each other: ${cycle.join(" → ")}. Name the modules between them in one group.`,
      );
      if (cycles.length > 0) this.error(cycles.join("\n"));
    },
  };
}
