import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { bundleBudget } from "./scripts/bundleBudget.ts";
import { directLazyImports } from "./scripts/directLazyImports.ts";
import { HASHED_DIR } from "./scripts/siteHeaders.ts";
import { signInReturnFiles } from "./scripts/signInReturnFiles.ts";
import { staticSite } from "./scripts/staticSite.ts";

/** `VALET_BASE=/valet/ npm run build` builds for a sub-path; the default serves the site at the root of its host. */
function basePath(): string {
  const base = process.env.VALET_BASE ?? "/";
  if (!base.startsWith("/")) throw new Error(`VALET_BASE must be a path starting with "/", not "${base}".`);
  return base.endsWith("/") ? base : `${base}/`;
}

export default defineConfig({
  base: basePath(),
  // The start page is what a signed-out visitor loads first; the budget counts its chunks with the entry's.
  plugins: [
    solid(),
    staticSite(),
    directLazyImports(),
    bundleBudget(["/src/pages/LandingPage.tsx"]),
    // What the start page prefetches for the return from sign-in: the code the callback and the library page load.
    signInReturnFiles(
      [
        "/src/auth/AuthCallback.tsx",
        "/src/auth/createUserManager.ts",
        "/src/auth/verify/verifyIdToken.ts",
        "/src/auth/createRequestAuthorizer.ts",
        "/src/api/createApiClient.ts",
        "/src/pages/LibraryPage.tsx",
      ],
      ["/src/pages/LandingPage.tsx"],
    ),
  ],
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    target: "es2022",
    sourcemap: false,
    assetsDir: HASHED_DIR,
    // Every browser Valet supports (ES2022) preloads modules natively; the polyfill would only add to the entry.
    // The HTML preloads what the entry imports. A lazily loaded chunk's own imports are left to the browser, which
    // asks for them once the chunk is in: the list of them for every lazy import made the first page 0.5 KiB
    // heavier (over its budget), and adding a <link> per file cost the callback page 3-14 ms of main-thread time.
    // The return from sign-in reads them from the cache (src/prefetchForSignIn.ts); the callback leg measured the
    // same without the lists (issue 16). A lazy import names the file with its module's code, not a facade file that
    // re-exports it from a group (scripts/directLazyImports.ts).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === "html" ? deps : []),
    },
    // One stylesheet, loaded with the first page (3.5 KiB more of it, raw): a lazy page's styles then need no <link>
    // added, and no list of stylesheets rides in the entry's JS.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // What every page needs (Solid, the router, the preload helper, the auth binding's small shared modules) in
        // one chunk: left to itself the bundler splits them into five small files that gzip worse apart (about
        // 1.5 KiB more on the first page, over its budget). The start page's own code (0.6 KiB) rides along: the
        // first page then is one file less and about 1.4 KiB smaller (auth and start gzip better together), for
        // 0.6 KiB on the other pages. So does the URL check that config.json's parsing shares with the auth client
        // (a file of its own was one request and 0.1 KiB more on the first page). The budget printed after each
        // build checks the result.
        codeSplitting: {
          groups: [
            {
              name: "start",
              test: /node_modules[\\/](solid-js|@solidjs|vite)[\\/]|vite[\\/]preload-helper|src[\\/]auth[\\/](storageKeys|AuthError|verify[\\/]loadVerificationCode)|src[\\/]pages[\\/](ApiContext|LandingPage)|src[\\/]lib[\\/]isHttpsOrLoopback\./,
            },
            // After sign-in a page load needs the auth client, the API client and a page: a few files rather than the
            // twenty-odd small ones the bundler makes of the modules pages share (issue 16: the callback fetched 17 of
            // them at once, beside its token request). Nothing here loads on demand only (bulk edits, downloads, CSV,
            // the video player stay in their own files, imported when used). Each group takes only the modules it
            // names, not what they import: that would also take modules the entry imports (the lazy API client's
            // shell, isHttpsOrLoopback), and the first page would then load the whole group. A module only a group
            // imports must be named in it too, or the bundler puts it beside the group's entry in a file that
            // imports the group and is imported by it; the build fails on such cycles (scripts/signInReturnFiles.ts).
            // The callback's page rides with the auth client, which it always needs: one file, asked for early.
            {
              name: "oidc-client-ts",
              test: /node_modules[\\/](oidc-client-ts|jwt-decode)[\\/]|src[\\/]auth[\\/](AuthCallback|createUserManager|verify[\\/](IdTokenRejected|SigningKeysUnavailable|createSigningKeys|DiscoveryRejected|verifyDiscovery|VerifyingUserManager)|session[\\/](warmRenewal|whenIdle))\./,
              includeDependenciesRecursively: false,
            },
            {
              name: "verifyIdToken",
              test: /node_modules[\\/]jose[\\/]|src[\\/]auth[\\/]verify[\\/]verifyIdToken\./,
              includeDependenciesRecursively: false,
            },
            // The lazy client's shell (createLazyApiClient, index) is part of the entry.
            {
              name: "createApiClient",
              test: /src[\\/]api[\\/](?!createLazyApiClient\.|index\.)|src[\\/]auth[\\/]createRequestAuthorizer\./,
              includeDependenciesRecursively: false,
            },
            // What most pages share: the loading and error frames, the pager, the grid of tiles, permissions, dates.
            {
              name: "pages",
              test: /src[\\/](components[\\/](AsyncBoundary|ErrorPanel|Pager|pageInfo|AssetGrid|gridMove|formatDate|formatBytes)|pages[\\/](createAbortableResource|permits|toAssetTile|resultsNavigation|firstParam|categoryTree))\./,
              includeDependenciesRecursively: false,
            },
            // The library page with its search, filters and selection (shared with the category pages).
            {
              name: "LibraryPage",
              test: /src[\\/](pages[\\/](LibraryPage|SelectionDownload|ResultsGrid|LibrarySearch|createSelection|createResultsShown|SelectionPanel|filters[\\/])|components[\\/](LibraryFilters|FilterChips|FilterPanel|SavedSearches|SelectionBar)\.|lib[\\/]afterNextPaint\.)/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  test: {
    // A stray .only would silently skip the rest of the suite.
    allowOnly: false,
    // Stubs of globals and environment variables never leak from one test into the next.
    unstubGlobals: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          // One jsdom per worker instead of one per file (the setup file gives each file a fresh page and storage).
          isolate: false,
          setupFiles: ["tests/unit/setup/freshBrowserState.ts"],
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          server: { deps: { inline: [/@solidjs\/testing-library/, /@solidjs\/router/] } },
        },
      },
      {
        test: {
          name: "sandbox",
          environment: "node",
          // Each file starts its own servers on free ports; sharing the worker's module cache only saves imports.
          isolate: false,
          include: ["tests/sandbox/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "relay",
          environment: "node",
          isolate: false,
          include: ["tests/relay/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "doctor",
          environment: "node",
          isolate: false,
          include: ["tests/doctor/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
