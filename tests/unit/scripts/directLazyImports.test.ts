import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  addExports,
  foldFacades,
  isFacade,
  readFacade,
  specifierFor,
  type FoldChunk,
} from "../../../scripts/directLazyImports";

function chunk(fileName: string, code: string, options: Partial<FoldChunk> = {}): FoldChunk {
  return {
    fileName,
    code,
    isEntry: false,
    moduleIds: [`/app/src/${fileName}`],
    imports: [],
    dynamicImports: [],
    ...options,
  };
}

// A build as the bundler writes it: the entry imports two pages lazily, each through a facade, and the pages' code
// sits in shared chunks (one of them holding two lazily imported modules).
function build(): Map<string, FoldChunk> {
  const chunks = [
    chunk(
      "static/index-a.js",
      'import{t as e}from"./shared-b.js";' +
        "export const library=()=>import(`./LibraryPage-c.js`).then(m=>m.default(e));" +
        "export const both=()=>Promise.all([import('./AuthCallback-d.js'),import(\"./createUserManager-e.js\")]).then(([a,b])=>a.AuthCallback()+b.createUserManager());",
      {
        isEntry: true,
        imports: ["static/shared-b.js"],
        dynamicImports: [
          "static/LibraryPage-c.js",
          "static/AuthCallback-d.js",
          "static/createUserManager-e.js",
        ],
      },
    ),
    chunk("static/shared-b.js", "const s=`shared`;export{s as t};"),
    chunk("static/LibraryPage-c.js", 'export{t as default}from"./LibraryPage-f.js";', { moduleIds: [] }),
    chunk(
      "static/LibraryPage-f.js",
      'import{t as x}from"./shared-b.js";function P(v){return`library of ${v}`}export{P as t,x as u};',
      {
        imports: ["static/shared-b.js"],
      },
    ),
    chunk("static/AuthCallback-d.js", 'export{r as AuthCallback}from"./oidc-g.js";', { moduleIds: [] }),
    chunk("static/createUserManager-e.js", 'export{t as createUserManager}from"./oidc-g.js";', {
      moduleIds: [],
    }),
    chunk(
      "static/oidc-g.js",
      "function C(){return`callback`}function M(){return`manager`}export{C as r,M as t};",
    ),
  ];
  return new Map(chunks.map((each) => [each.fileName, each]));
}

describe("readFacade", () => {
  it("reads one or more re-exports from one file, renamed or not", () => {
    expect(readFacade('export{t as default,n as toReportLines}from"./BulkDialog-b.js";')).toEqual({
      from: "./BulkDialog-b.js",
      names: [
        { imported: "t", exported: "default" },
        { imported: "n", exported: "toReportLines" },
      ],
    });
    expect(readFacade("export { a } from './x.js';\nexport{b as c}from`./x.js`")).toEqual({
      from: "./x.js",
      names: [
        { imported: "a", exported: "a" },
        { imported: "b", exported: "c" },
      ],
    });
  });

  it("refuses anything else: code of its own, two files, a namespace re-export", () => {
    expect(readFacade('console.log(1);export{t as default}from"./a.js";')).toBeUndefined();
    expect(readFacade('export{a}from"./a.js";export{b}from"./b.js";')).toBeUndefined();
    expect(readFacade('export*from"./a.js";')).toBeUndefined();
    expect(readFacade("")).toBeUndefined();
  });
});

describe("addExports", () => {
  it("exports the same bindings under the facade's names, in the chunk's one export clause", () => {
    expect(addExports("function P(){}export{P as t,Q as u};", [{ imported: "t", exported: "default" }])).toBe(
      "function P(){}export{P as t,Q as u,P as default};",
    );
  });

  it("adds nothing for a name that is already exported as the same binding", () => {
    const code = "export{P as t,P as default};";
    expect(addExports(code, [{ imported: "t", exported: "default" }])).toBe(code);
  });

  it("refuses a name the chunk does not export, a clash, or a chunk that does not end with its exports", () => {
    expect(() => addExports("export{P as t};", [{ imported: "x", exported: "default" }])).toThrow(
      /does not export "x"/,
    );
    expect(() =>
      addExports("export{P as t,Q as default};", [{ imported: "t", exported: "default" }]),
    ).toThrow(/already exports "default" as something else/);
    expect(() => addExports("export{P as t};run();", [{ imported: "t", exported: "default" }])).toThrow(
      /does not end with one export clause/,
    );
  });
});

describe("specifierFor", () => {
  it("names a file relative to the importer, as an import does", () => {
    expect(specifierFor("static/index-a.js", "static/Page-b.js")).toBe("./Page-b.js");
    expect(specifierFor("static/deep/x.js", "static/Page-b.js")).toBe("../Page-b.js");
  });
});

describe("foldFacades", () => {
  it("points the importers at the chunks with the code, and drops the facades", () => {
    const chunks = build();
    expect(foldFacades(chunks).sort()).toEqual([
      "static/AuthCallback-d.js",
      "static/LibraryPage-c.js",
      "static/createUserManager-e.js",
    ]);
    expect([...chunks.keys()].filter((name) => isFacade(chunks.get(name)!))).toEqual([]);
    const entry = chunks.get("static/index-a.js")!;
    expect(entry.code).toContain("import(`./LibraryPage-f.js`)");
    expect(entry.code).toContain("import('./oidc-g.js'),import(\"./oidc-g.js\")");
    expect(entry.dynamicImports).toEqual(["static/LibraryPage-f.js", "static/oidc-g.js"]);
    expect(chunks.get("static/oidc-g.js")!.code).toBe(
      "function C(){return`callback`}function M(){return`manager`}export{C as r,M as t,C as AuthCallback,M as createUserManager};",
    );
  });

  const written: string[] = [];
  afterEach(() => {
    for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("leaves code that runs: the lazy imports load the same functions as through the facades", () => {
    const chunks = build();
    foldFacades(chunks);
    const dir = mkdtempSync(join(tmpdir(), "valet-fold-"));
    written.push(dir);
    mkdirSync(join(dir, "static"));
    for (const each of chunks.values())
      writeFileSync(join(dir, each.fileName.replace(/\.js$/, ".mjs")), each.code.replaceAll(".js", ".mjs"));

    // In Node's own module loader (not the test runner's), as a browser links them.
    const entry = pathToFileURL(join(dir, "static/index-a.mjs")).href;
    const script = `const m = await import(${JSON.stringify(entry)}); console.log(await m.library(), await m.both());`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(output.trim()).toBe("library of shared callbackmanager");
  });

  it("fails, naming the facade, rather than leave an import of a file the build does not write", () => {
    const staticImport = build();
    staticImport.get("static/shared-b.js")!.imports = ["static/LibraryPage-c.js"];
    expect(() => foldFacades(staticImport)).toThrow(/LibraryPage-c\.js.*shared-b\.js imports it statically/);

    const strange = build();
    strange.get("static/LibraryPage-c.js")!.code = 'export*from"./LibraryPage-f.js";';
    expect(() => foldFacades(strange)).toThrow(/LibraryPage-c\.js.*not a re-export of one file/);

    const missing = build();
    missing.delete("static/oidc-g.js");
    expect(() => foldFacades(missing)).toThrow(/AuthCallback-d\.js.*oidc-g\.js is not in the build/);

    const unnamed = build();
    unnamed.get("static/index-a.js")!.code = "import(name)";
    expect(() => foldFacades(unnamed)).toThrow(/under a name not found in its code/);
  });

  it("keeps an entry chunk, which the HTML loads by name, even if it holds no code of its own", () => {
    const chunks = build();
    chunks.set(
      "static/main-h.js",
      chunk("static/main-h.js", 'export{s}from"./shared-b.js";', { isEntry: true, moduleIds: [] }),
    );
    foldFacades(chunks);
    expect(chunks.has("static/main-h.js")).toBe(true);
  });
});
