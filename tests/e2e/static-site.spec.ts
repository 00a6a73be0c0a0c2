import { readFile } from "node:fs/promises";
import { headersForFile, IMMUTABLE, NO_STORE, readSiteFacts } from "../../scripts/siteHeaders";
import { expect, signInAtSandbox, test } from "./fixtures";
import { recordCspViolations, siteDistDir } from "./siteFixtures";

test.describe("The production build under its real headers", () => {
  test("signs in and shows the library with zero CSP violations", async ({ page, site, sandbox }) => {
    const violations = await recordCspViolations(page);
    const start = await page.goto("/");
    const policy = start?.headers()["content-security-policy"] ?? "";
    // The policy really is in force, and names the servers this deployment's config.json points at.
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain(`connect-src 'self' ${sandbox.authUrl} ${sandbox.apiUrl};`);

    await page.getByRole("button", { name: "Sign in" }).first().click();
    await signInAtSandbox(page);
    await expect(page).toHaveURL(/\/assets$/);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    // Everything the library asks for (API calls, thumbnails, lazy chunks) has settled before counting.
    await page.waitForLoadState("networkidle");
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    expect(violations.filter((violation) => violation.url.startsWith(site.origin))).toEqual([]);
  });

  test("runs under Trusted Types: signing in, the library, an image and a video (through hls.js) break no rule", async ({
    page,
    site,
  }) => {
    const violations = await recordCspViolations(page);
    // A feature name the browser does not know in Permissions-Policy is reported on the console.
    const policyWarnings: string[] = [];
    page.on("console", (message) => {
      if (/permissions.policy/i.test(message.text())) policyWarnings.push(message.text());
    });
    // Debian's Chromium plays HLS itself; answering as Chrome on Windows does makes the video page load hls.js.
    await page.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
      };
    });
    const start = await page.goto("/");
    expect(start?.headers()["content-security-policy"]).toContain(
      "require-trusted-types-for 'script'; trusted-types solid-templates",
    );
    await page.getByRole("button", { name: "Sign in" }).first().click();
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/assets\/[^/?]+$/);
    await expect(page.locator(".asset-preview img")).toBeVisible();

    const hls = page.waitForRequest((request) => /\/hls\.light-[^/]+\.js$/.test(request.url()));
    await page.goto("/assets?search=teaser");
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    const video = page.getByLabel(/^Video: /);
    await expect(video).toHaveAttribute("src", /^blob:/);
    await hls;
    await video.evaluate((element: HTMLVideoElement) => {
      element.muted = true;
      return element.play();
    });
    await page.waitForFunction(() => (document.querySelector("video")?.currentTime ?? 0) > 1);
    expect(violations.filter((violation) => violation.url.startsWith(site.origin))).toEqual([]);
    expect(policyWarnings).toEqual([]);

    // The rule is in force, and a breach would have been counted: a string put into an HTML sink is refused.
    const refused = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>text</b>";
        return "accepted";
      } catch (error) {
        return error instanceof TypeError ? "refused" : String(error);
      }
    });
    expect(refused).toBe("refused");
    await expect
      .poll(() => violations.map((violation) => violation.directive))
      .toContain("require-trusted-types-for");
  });

  test("sends the generated headers: no-store for the app's own files, forever for hashed ones", async ({
    request,
    site,
  }) => {
    const config: unknown = await (await request.get("config.json")).json();
    // The suite's server is http on loopback, as the server says: no HSTS there.
    const facts = readSiteFacts(config, { basePath: "/", https: false });
    const html = await (await request.get("index.html")).text();
    const script = /<script type="module"[^>]* src="\/(static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const stylesheet = /<link rel="stylesheet"[^>]* href="\/(static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();

    const expectations: [path: string, cache: string][] = [
      ["", NO_STORE],
      ["index.html", NO_STORE],
      ["404.html", NO_STORE],
      ["config.json", NO_STORE],
      ["callback?code=x&state=y", NO_STORE],
      [String(script), IMMUTABLE],
      [String(stylesheet), IMMUTABLE],
    ];
    for (const [path, cache] of expectations) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers["cache-control"], path).toBe(cache);
      // Exactly the headers `npm run headers` writes for this config.
      const sitePath = new URL(path, site.url).pathname;
      for (const [name, value] of Object.entries(headersForFile(facts, sitePath))) {
        expect(headers[name.toLowerCase()], `${name} of ${path}`).toBe(value);
      }
      expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("answers deep links with the app, and a missing hashed file with a real 404", async ({
    request,
    page,
  }) => {
    const index = await (await request.get("index.html")).text();
    for (const path of ["assets", "assets/some-asset.id", "categories/42", "session"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["cache-control"], path).toBe(NO_STORE);
      expect(await response.text(), path).toBe(index);
    }
    const missing = await request.get("static/index-gone.js");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["cache-control"]).toBeUndefined();

    // The router, not the server, decides what a deep link shows.
    await page.goto("/no/such/page");
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  });

  test("ships the page-host fallbacks: 404.html is index.html, and _redirects rewrites to it", async () => {
    const [index, notFound, redirects] = await Promise.all(
      ["index.html", "404.html", "_redirects"].map((file) => readFile(`${siteDistDir()}/${file}`, "utf8")),
    );
    expect(notFound).toBe(index);
    expect(redirects?.trim().split("\n").at(-1)).toBe("/* /index.html 200");
  });

  test("a broken config.json shows the configuration page, naming what to fix, and starts no sign-in", async ({
    page,
    appConfig,
    sandbox,
  }) => {
    // A deployment that replaced config.json with wrong values: not a URL, and a negative idle time.
    appConfig.override({ authority: "not a url", idleSignOutMinutes: -5 });
    const toAuthServer: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(sandbox.authUrl)) toAuthServer.push(request.url());
    });
    await page.goto("/assets");
    await expect(page.getByRole("heading", { name: "Valet is not configured correctly" })).toBeVisible();
    const issues = page.getByRole("listitem");
    await expect(issues.filter({ hasText: "authority" })).toHaveCount(1);
    await expect(issues.filter({ hasText: "idleSignOutMinutes" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    expect(toAuthServer).toEqual([]);
  });
});
