import { describe, expect, it } from "vitest";
import {
  importCycles,
  signInReturnChunks,
  writeFileList,
  type ReturnChunkInfo,
} from "../../../scripts/signInReturnFiles";

function chunk(
  fileName: string,
  moduleIds: string[],
  imports: string[] = [],
  isEntry = false,
): ReturnChunkInfo {
  return { fileName, moduleIds, imports, isEntry };
}

// A build like Valet's: the entry and the start page share a chunk; the library page and the API client share small
// chunks with each other and with pages the return does not load.
const chunks = [
  chunk("static/index-a.js", ["/app/src/main.tsx"], ["static/start-b.js"], true),
  chunk("static/start-b.js", ["/app/node_modules/solid-js/dist/solid.js", "/app/src/pages/LandingPage.tsx"]),
  chunk(
    "static/LibraryPage-c.js",
    ["/app/src/pages/LibraryPage.tsx"],
    ["static/start-b.js", "static/Pager-d.js"],
  ),
  chunk("static/Pager-d.js", ["/app/src/components/Pager.tsx"], ["static/start-b.js"]),
  chunk("static/createApiClient-e.js", ["/app/src/api/createApiClient.ts"], ["static/ApiError-f.js"]),
  chunk("static/ApiError-f.js", ["/app/src/api/ApiError.ts"]),
  chunk("static/AssetPage-g.js", ["/app/src/pages/AssetPage.tsx"], ["static/Pager-d.js", "static/hls-h.js"]),
  chunk("static/hls-h.js", ["/app/node_modules/hls.js/dist/hls.light.mjs"]),
];

describe("signInReturnChunks", () => {
  it("lists the return's chunks and all they import, but nothing the first page loaded nor any other page's", () => {
    expect(
      signInReturnChunks(
        chunks,
        ["/src/pages/LibraryPage.tsx", "/src/api/createApiClient.ts"],
        ["/src/pages/LandingPage.tsx"],
      ),
    ).toEqual([
      "static/ApiError-f.js",
      "static/LibraryPage-c.js",
      "static/Pager-d.js",
      "static/createApiClient-e.js",
    ]);
  });

  it("lists the group's chunk for a grouped module, never the facade the build does not write", () => {
    const grouped = [
      chunk("static/index-a.js", ["/app/src/main.tsx"], [], true),
      chunk("static/api-b.js", ["/app/src/api/createApiClient.ts", "/app/src/api/ApiError.ts"]),
      chunk("static/createApiClient-c.js", [], ["static/api-b.js"]),
    ];
    expect(signInReturnChunks(grouped, ["/src/api/createApiClient.ts"], [])).toEqual(["static/api-b.js"]);
  });

  it("fails the build when a module of the return is in no chunk, rather than list less than it needs", () => {
    expect(() => signInReturnChunks(chunks, ["/src/pages/Renamed.tsx"], [])).toThrow(
      /No chunk holds \/src\/pages\/Renamed\.tsx/,
    );
  });

  it("reads Windows paths", () => {
    const windows = [chunk("static/LibraryPage-c.js", ["C:\\app\\src\\pages\\LibraryPage.tsx"])];
    expect(signInReturnChunks(windows, ["/src/pages/LibraryPage.tsx"], [])).toEqual([
      "static/LibraryPage-c.js",
    ]);
  });
});

describe("writeFileList", () => {
  const minified = 'var e=["valet:sign-in-return-files"],t=import.meta.url;export{e as FILES,t as BASE};';

  it("writes the files relative to the list's own chunk", () => {
    expect(
      writeFileList(minified, "static/prefetch-a.js", ["static/LibraryPage-c.js", "static/deep/x-d.js"]),
    ).toBe('var e=["./LibraryPage-c.js","./deep/x-d.js"],t=import.meta.url;export{e as FILES,t as BASE};');
  });

  it("finds the marker whatever quotes the minifier chose, and says when there is none", () => {
    expect(writeFileList("var e=[`valet:sign-in-return-files`];", "static/a.js", [])).toBe("var e=[];");
    expect(writeFileList("var e=[];", "static/a.js", [])).toBeUndefined();
  });
});

describe("importCycles", () => {
  it("names each chain of chunks that import each other, and nothing in a graph without one", () => {
    expect(importCycles(chunks)).toEqual([]);
    const cyclic = [
      chunk("static/index-a.js", [], ["static/group-b.js"], true),
      chunk("static/group-b.js", [], ["static/facade-c.js"]),
      chunk("static/facade-c.js", [], ["static/group-b.js"]),
    ];
    expect(importCycles(cyclic)).toEqual([["static/group-b.js", "static/facade-c.js", "static/group-b.js"]]);
  });
});
