import { SIGN_IN_RETURN_BASE, SIGN_IN_RETURN_FILES } from "./signInReturnFiles";

/**
 * Asks the browser to fetch, at low priority, the code the return from the sign-in page will need, so that it is in
 * the HTTP cache (hashed files are cached for good) when the auth server redirects back. Chromium lets prefetches go
 * on after the page has left for the auth server. A file that is missing or wrong only costs a download: the
 * callback fetches its code as it always does.
 * @param files paths relative to `base`; anything that is not a `./` path (the marker of a dev build) is skipped
 * @param base the URL the paths are relative to: the file the list is in
 */
export function prefetchSignInReturn(
  document: Document,
  files: readonly string[] = SIGN_IN_RETURN_FILES,
  base: string = SIGN_IN_RETURN_BASE,
): void {
  const asked = new Set(
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((link) => link.href),
  );
  for (const file of files) {
    if (!file.startsWith("./")) continue;
    const href = new URL(file, base).href;
    if (asked.has(href)) continue;
    asked.add(href);
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = href;
    document.head.append(link);
  }
}
