import type { Page } from "@playwright/test";
import {
  expect,
  signInAtSandbox,
  signedInTest as test,
  test as signedOutTest,
  violationsInBothSchemes,
} from "./fixtures";
import { recordCspViolations } from "./siteFixtures";

/** Opens the first asset the library finds for `search`, and waits for its Sharing and Activity panels. */
async function openAsset(page: Page, search: string): Promise<void> {
  await page.goto(`/assets?search=${encodeURIComponent(search)}`);
  await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/assets\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "Direct links" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
}

test.describe("Asset sharing, activity and video", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a direct link is created, listed, copied to the clipboard and serves the file", async ({
    page,
    request,
  }) => {
    await openAsset(page, "beach");
    const name = `E2E link ${Date.now()}`;
    await page.getByLabel("Link name").fill(name);
    await page.getByRole("button", { name: "Create direct link" }).click();

    // The panel has two status lines: the announcement, and "Loading direct links…" while the list reloads.
    const announced = (text: string) =>
      page.getByRole("region", { name: "Sharing" }).getByRole("status").filter({ hasText: text });
    await expect(announced(`Created the direct link “${name}”`)).toBeVisible();
    const address = page.getByRole("textbox", { name: `Address of “${name}”`, exact: true });
    await expect(address).toBeVisible();
    const link = await address.inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cdn\//);

    await page.getByRole("button", { name: `Copy the address of “${name}”` }).click();
    await expect(announced(`Copied the address of “${name}” to the clipboard.`)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The copied address is a public CDN link: it answers without any credentials.
    expect((await request.get(link)).status()).toBe(200);
    // …and the asset's history says who shared it, to which link.
    await page.reload();
    await expect(
      page.getByRole("table", { name: "History" }).getByRole("row", { name: new RegExp(name) }),
    ).toContainText("Created a direct link");
  });

  test("a comment is added, shown at once and recorded in the history", async ({ page }) => {
    await openAsset(page, "harbour");
    const text = `Colours look right ${Date.now()}`;
    await page.getByLabel("Add a comment").fill(text);
    await page.getByRole("button", { name: "Add comment" }).click();

    await expect(page.getByRole("list", { name: "Comments" })).toContainText(text);
    await expect(page.getByText("Your comment is added.")).toBeVisible();
    await expect(page.getByLabel("Add a comment")).toHaveValue("");
    await expect(
      page.getByRole("table", { name: "History" }).getByRole("cell", { name: "Commented" }).first(),
    ).toBeVisible();
    // It is MediaValet's, not the page's: it is still there after a reload.
    await page.reload();
    await expect(page.getByRole("list", { name: "Comments" })).toContainText(text);
  });

  test("a related asset opens its own page", async ({ page }) => {
    await openAsset(page, "beach");
    const first = await page.getByRole("heading", { level: 1 }).textContent();
    const related = page.getByRole("list", { name: "Related assets" }).getByRole("link").first();
    const title = (await related.locator(".asset-title").textContent()) ?? "";
    await related.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(title).not.toBe(first);
    await expect(page.getByRole("heading", { name: "Direct links" })).toBeVisible();
  });

  for (const player of ["the browser's own HLS", "hls.js"] as const) {
    test(`a teaser video streams by HLS through ${player} under the production CSP, with no violation`, async ({
      page,
    }) => {
      const violations = await recordCspViolations(page);
      const hlsChunks: string[] = [];
      page.on("request", (request) => {
        if (/\/hls\.light-[^/]+\.js$/.test(request.url())) hlsChunks.push(request.url());
      });
      if (player === "hls.js") {
        // Debian's Chromium plays HLS itself; this makes it answer as Chrome on Windows or Firefox do, so the page
        // takes the Media Source Extensions path through hls.js.
        await page.addInitScript(() => {
          const canPlayType = HTMLMediaElement.prototype.canPlayType;
          HTMLMediaElement.prototype.canPlayType = function (type: string) {
            return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
          };
        });
      }
      const streamRequests: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("/streams/")) streamRequests.push(new URL(request.url()).pathname);
      });
      await openAsset(page, "teaser");
      const video = page.getByLabel(/^Video: /);
      await expect(video).toBeVisible();
      // The player is ready once the stream is attached (a MediaSource blob: URL, or the playlist itself).
      await expect(video).toHaveAttribute("src", /^(blob:|http)/);
      // Nothing but the playlists is fetched before someone presses play.
      expect(streamRequests.filter((path) => path.endsWith(".m4s"))).toEqual([]);

      await video.evaluate((element: HTMLVideoElement) => {
        element.muted = true;
        return element.play();
      });
      await page.waitForFunction(() => (document.querySelector("video")?.currentTime ?? 0) > 1);
      expect(streamRequests.some((path) => path.endsWith("segment0.m4s"))).toBe(true);
      // The player library is fetched only when the browser needs it.
      expect(hlsChunks).toHaveLength(player === "hls.js" ? 1 : 0);
      expect(violations).toEqual([]);
    });
  }

  test("the asset page with its Sharing and Activity panels has no serious or critical violations", async ({
    page,
  }) => {
    await openAsset(page, "harbour");
    await expect(page.getByRole("heading", { name: "Related assets" })).toBeVisible();
    await expect(page.getByText("Loading", { exact: false })).toHaveCount(0);
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });
});

signedOutTest.describe("The read-only user on an asset's Sharing and Activity", () => {
  signedOutTest(
    "is told which permission sharing and commenting need, and can still read the activity",
    async ({ page }) => {
      await page.goto("/assets?search=beach");
      await signInAtSandbox(page, { username: "alex", password: "alex" });
      await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
      await expect(page.getByRole("heading", { name: "Direct links" })).toBeVisible();

      await page.getByRole("button", { name: "Create direct link" }).click();
      const sharing = page.getByRole("region", { name: "Sharing" });
      await expect(sharing.getByRole("alert")).toContainText(
        "not allowed to create direct links for this asset",
      );
      await expect(sharing.getByRole("alert")).toContainText("“Create direct link” permission");

      await page.getByLabel("Add a comment").fill("May I?");
      await page.getByRole("button", { name: "Add comment" }).click();
      const activity = page.getByRole("region", { name: "Activity" });
      await expect(activity.getByRole("alert")).toContainText("not allowed to comment on this asset");
      await expect(page.getByLabel("Add a comment")).toHaveValue("May I?");
      // Reading goes on: the history is there.
      await expect(page.getByRole("table", { name: "History" })).toBeVisible();
    },
  );
});
