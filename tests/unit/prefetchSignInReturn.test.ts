import { beforeEach, describe, expect, it } from "vitest";
import { prefetchSignInReturn } from "../../src/prefetchSignInReturn";
import { SIGN_IN_RETURN_FILES } from "../../src/signInReturnFiles";

const base = "https://valet.example/valet/static/prefetchSignInReturn-a.js";

function prefetched(): string[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map(
    (link) => link.href,
  );
}

describe("prefetchSignInReturn", () => {
  beforeEach(() => {
    for (const link of document.head.querySelectorAll('link[rel="prefetch"]')) link.remove();
  });

  it("asks for each listed file once, resolved against the list's own URL (so under any base path)", () => {
    const files = ["./LibraryPage-c.js", "./LibraryPage-y.css"];
    prefetchSignInReturn(document, files, base);
    prefetchSignInReturn(document, files, base);

    expect(prefetched()).toEqual([
      "https://valet.example/valet/static/LibraryPage-c.js",
      "https://valet.example/valet/static/LibraryPage-y.css",
    ]);
  });

  it("asks for nothing with the list as the source has it (dev and tests: the build writes the names in)", () => {
    prefetchSignInReturn(document, SIGN_IN_RETURN_FILES, base);
    prefetchSignInReturn(document);

    expect(prefetched()).toEqual([]);
  });

  it("skips what is not a path next to the list", () => {
    prefetchSignInReturn(document, ["valet:a-marker-left-in", "https://elsewhere.example/x.js"], base);

    expect(prefetched()).toEqual([]);
  });
});
