// Points each lazy import at the file that holds its module, not at a facade file that only re-exports it (issue 16).
//
// When a group (vite.config.ts) takes a lazily imported module into a shared file, the bundler writes a facade for
// it: a file of one line, `export{t as default}from"./LibraryPage-….js"`. The page then asks for the facade, reads
// it, and only then asks for the file with the code: a round trip on the way to every lazy page, each 9-31 ms in the
// callback's and the warm start's waterfalls, behind a busy main thread. Here the shared file exports the module's
// names itself, the importers name it instead of the facade, and the facades are not written.
import { posix } from "node:path";
import type { Plugin } from "vite";

/** What the folding needs to know of one output chunk; a subset of rolldown's OutputChunk. */
export interface FoldChunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  /** The modules whose code the chunk holds: none for a facade. */
  moduleIds: readonly string[];
  imports: readonly string[];
  dynamicImports: readonly string[];
}

/** A facade's content: the file it re-exports from, and each name as that file exports it and as the facade does. */
export interface Facade {
  from: string;
  names: { imported: string; exported: string }[];
}

/** A chunk that holds no module's code is a facade (an entry chunk never is: the HTML loads it by name). */
export function isFacade(chunk: Pick<FoldChunk, "isEntry" | "moduleIds">): boolean {
  return !chunk.isEntry && chunk.moduleIds.length === 0;
}

const NAME = String.raw`[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*`;
const SPECIFIER = new RegExp(String.raw`^(${NAME})(?:\s+as\s+(${NAME}))?$`, "u");
const REEXPORT = /\s*export\s*\{([^}]*)\}\s*from\s*(["'`])([^"'`]+)\2\s*;?\s*/gy;

/** Reads a list of export specifiers (`a as b, c`), or undefined when it is anything else. */
function readSpecifiers(list: string): { local: string; exported: string }[] | undefined {
  const specifiers = [];
  for (const part of list.split(",").map((text) => text.trim())) {
    if (part === "") continue;
    const match = SPECIFIER.exec(part);
    if (!match) return undefined;
    specifiers.push({ local: match[1]!, exported: match[2] ?? match[1]! });
  }
  return specifiers;
}

/**
 * Reads a facade's code: one or more `export{…}from"…"` statements, all from the same file.
 * @returns undefined when the code is anything else (then it cannot be folded)
 */
export function readFacade(code: string): Facade | undefined {
  const text = code.trim();
  let from: string | undefined;
  const names: Facade["names"] = [];
  REEXPORT.lastIndex = 0;
  while (REEXPORT.lastIndex < text.length) {
    const match = REEXPORT.exec(text);
    if (!match) return undefined;
    const specifiers = readSpecifiers(match[1]!);
    if (!specifiers || (from !== undefined && from !== match[3])) return undefined;
    from = match[3]!;
    for (const { local, exported } of specifiers) names.push({ imported: local, exported });
  }
  return from === undefined ? undefined : { from, names };
}

const EXPORT_CLAUSE = /export\s*\{([^}]*)\}\s*;?\s*$/;

/**
 * Adds `names` to the export clause that ends `code` (how the bundler writes a chunk's exports), each exporting the
 * same binding as the name it is imported by.
 * @throws Error when the code ends otherwise, when a name is not exported, or when a name is already exported as
 *   something else
 */
export function addExports(code: string, names: Facade["names"]): string {
  const clause = EXPORT_CLAUSE.exec(code);
  const specifiers = clause && readSpecifiers(clause[1]!);
  if (!clause || !specifiers) throw new Error("it does not end with one export clause");
  const localOf = new Map(specifiers.map(({ local, exported }) => [exported, local]));
  const added: string[] = [];
  for (const { imported, exported } of names) {
    const local = localOf.get(imported);
    if (local === undefined) throw new Error(`it does not export "${imported}"`);
    const existing = localOf.get(exported);
    if (existing === local) continue;
    if (existing !== undefined) throw new Error(`it already exports "${exported}" as something else`);
    localOf.set(exported, local);
    added.push(`${local} as ${exported}`);
  }
  if (added.length === 0) return code;
  const all = [
    ...specifiers.map(({ local, exported }) => (local === exported ? local : `${local} as ${exported}`)),
    ...added,
  ];
  return `${code.slice(0, clause.index)}export{${all.join(",")}};`;
}

/** How `fromFile` names `toFile` in an import (both relative to the output folder). */
export function specifierFor(fromFile: string, toFile: string): string {
  const path = posix.relative(posix.dirname(fromFile), toFile);
  return path.startsWith(".") ? path : `./${path}`;
}

/** Replaces every string literal `specifier` (in any quotes) in `code`; returns the new code and how many it replaced. */
function replaceSpecifier(code: string, specifier: string, replacement: string): [string, number] {
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
  let count = 0;
  const replaced = code.replace(new RegExp(`(["'\`])${escaped}\\1`, "g"), (_whole, quote: string) => {
    count++;
    return `${quote}${replacement}${quote}`;
  });
  return [replaced, count];
}

/**
 * Folds every facade into the chunk it re-exports from, in place: that chunk exports the facade's names too, the
 * chunks that import the facade lazily import that chunk instead, and the facade goes from `chunks`.
 * @throws Error naming the facade when one cannot be folded (an unknown shape, a static import of it, a name
 *   clash): the build fails rather than ship a lazy import that names a missing file
 */
export function foldFacades(chunks: Map<string, FoldChunk>): string[] {
  const folded: string[] = [];
  for (const facade of [...chunks.values()].filter(isFacade)) {
    const fail = (why: string) =>
      new Error(`Cannot point the lazy imports of ${facade.fileName} at its code: ${why}.`);
    const content = readFacade(facade.code);
    if (!content) throw fail("it is not a re-export of one file");
    const targetName = posix.join(posix.dirname(facade.fileName), content.from);
    const target = chunks.get(targetName);
    if (!target) throw fail(`${targetName} is not in the build`);
    try {
      target.code = addExports(target.code, content.names);
    } catch (error) {
      throw fail(`${targetName}: ${(error as Error).message}`);
    }
    for (const importer of chunks.values()) {
      if (importer.imports.includes(facade.fileName))
        throw fail(`${importer.fileName} imports it statically`);
      if (!importer.dynamicImports.includes(facade.fileName)) continue;
      const [code, count] = replaceSpecifier(
        importer.code,
        specifierFor(importer.fileName, facade.fileName),
        specifierFor(importer.fileName, targetName),
      );
      if (count === 0) throw fail(`${importer.fileName} imports it under a name not found in its code`);
      importer.code = code;
      importer.dynamicImports = [
        ...new Set(importer.dynamicImports.map((name) => (name === facade.fileName ? targetName : name))),
      ];
    }
    chunks.delete(facade.fileName);
    folded.push(facade.fileName);
  }
  return folded;
}

/**
 * The vite side. A facade's names are written into its shared file after the bundler has hashed that file's content,
 * so the hash is told of them first (augmentChunkHash): the names lazily imported modules export, which are those the
 * facades export. A file's URL then changes whenever what it serves does, as the immutable caching of the static
 * folder requires (docs/deploying.md).
 */
export function directLazyImports(): Plugin {
  return {
    name: "valet:direct-lazy-imports",
    apply: "build",
    augmentChunkHash(chunk) {
      const lazy = chunk.moduleIds.flatMap((id) => {
        const info = this.getModuleInfo(id);
        return info && info.dynamicImporters.length > 0 ? [info.exports.join(",")] : [];
      });
      return lazy.length > 0 ? `lazy exports:${lazy.join(";")}` : undefined;
    },
    // Before the budget (also "post", listed after this plugin), which then measures the files as they are written.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const chunks = new Map<string, FoldChunk>();
        for (const output of Object.values(bundle))
          if (output.type === "chunk") chunks.set(output.fileName, output);
        const assets = Object.values(bundle).flatMap((output) => (output.type === "asset" ? [output] : []));
        let folded: string[];
        try {
          folded = foldFacades(chunks);
        } catch (error) {
          return this.error((error as Error).message);
        }
        for (const fileName of folded) {
          const mention = assets.find((asset) => String(asset.source).includes(fileName));
          if (mention) this.error(`${mention.fileName} names ${fileName}, which this build does not write.`);
          delete bundle[fileName];
        }
      },
    },
  };
}
