// The build's chunk graph, as the budget and the sign-in return's list both read it.

/** What the graph needs to know of one chunk: its file and the files it imports statically. */
export interface ChunkNode {
  fileName: string;
  /** Static imports: fetched before the importer runs. */
  imports: readonly string[];
}

/** The files `start` loads before running: themselves and everything they import statically, however deep. */
export function staticClosure(start: readonly string[], byName: ReadonlyMap<string, ChunkNode>): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const next of byName.get(fileName)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

/** What the graph needs to know of a chunk to find a module in it. */
export interface ModuleHolder {
  /** The modules whose code the chunk holds. */
  moduleIds: readonly string[];
}

/** Whether the chunk holds the code of one of `modules` (source paths as suffixes, e.g. "/src/pages/LandingPage.tsx"). */
export function holds(chunk: ModuleHolder, modules: readonly string[]): boolean {
  return chunk.moduleIds.some((id) => {
    const path = id.replaceAll("\\", "/");
    return modules.some((module) => path.endsWith(module));
  });
}

/**
 * The chunks the first page loads: the entry, the chunks that hold `firstPageModules` (e.g. the start page), and all
 * they import statically.
 */
export function firstPageChunks(
  chunks: readonly (ChunkNode & ModuleHolder & { isEntry: boolean })[],
  firstPageModules: readonly string[],
): Set<string> {
  return staticClosure(
    chunks.filter((chunk) => chunk.isEntry || holds(chunk, firstPageModules)).map((chunk) => chunk.fileName),
    new Map(chunks.map((chunk) => [chunk.fileName, chunk])),
  );
}
