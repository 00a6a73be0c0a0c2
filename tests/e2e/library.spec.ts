import { expect, openSignedIn, readPager, test } from "./fixtures";

test.describe("The library", () => {
  test("search narrows the results, and survives a reload and Back", async ({ page }) => {
    await openSignedIn(page, "/assets");
    const grid = page.getByRole("list", { name: "Assets" });
    await expect(grid.locator("img").first()).toBeVisible();
    const everything = await readPager(page);
    expect(everything.total).toBeGreaterThanOrEqual(200);

    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/assets/search")) requests.push(request.postData() ?? "");
    });
    await page.getByLabel("Search assets").pressSequentially("beach", { delay: 30 });
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    await page.getByLabel("Search assets").press("Enter");

    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    await expect.poll(async () => (await readPager(page)).total).toBeLessThan(everything.total);
    const narrowed = await readPager(page);
    expect(narrowed.total).toBeGreaterThan(0);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0] ?? "{}")).toMatchObject({ search: "beach" });

    await page.reload();
    await expect(page.getByLabel("Search assets")).toHaveValue("beach");
    await expect.poll(async () => (await readPager(page)).total).toBe(narrowed.total);

    await page.goBack();
    await expect(page).toHaveURL(/\/assets$/);
    await expect(page.getByLabel("Search assets")).toHaveValue("");
    await expect.poll(async () => (await readPager(page)).total).toBe(everything.total);

    await page.goForward();
    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    await expect.poll(async () => (await readPager(page)).total).toBe(narrowed.total);
  });

  test("paging reaches the last page and stops there", async ({ page }) => {
    await openSignedIn(page, "/assets");
    await expect(page.getByTestId("pager-status")).toBeVisible();
    const first = await readPager(page);
    expect(first.first).toBe(1);

    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(new RegExp(`offset=${first.last}$`));
    await expect.poll(async () => (await readPager(page)).first).toBe(first.last + 1);

    await page.getByRole("button", { name: "Last" }).click();
    await expect.poll(async () => (await readPager(page)).last).toBe(first.total);
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Last" })).toBeDisabled();
    const lastPage = await readPager(page);
    const tiles = page.getByRole("list", { name: "Assets" }).getByRole("listitem");
    await expect(tiles).toHaveCount(lastPage.last - lastPage.first + 1);

    await page.getByRole("button", { name: "First" }).click();
    await expect(page).toHaveURL(/\/assets$/);
    await expect.poll(async () => (await readPager(page)).first).toBe(1);
  });

  test("the type filter and the sort order change the results", async ({ page }) => {
    await openSignedIn(page, "/assets");
    const kinds = page.getByRole("list", { name: "Assets" }).locator(".asset-kind");
    const titles = page.getByRole("list", { name: "Assets" }).locator(".asset-title");
    await expect(kinds.first()).toBeVisible();
    const everything = await readPager(page);
    const newestFirst = await titles.allTextContents();

    await page.getByRole("checkbox", { name: /^Video/ }).check();
    await expect(page).toHaveURL(/\/assets\?type=video$/);
    await expect.poll(async () => (await readPager(page)).total).toBeLessThan(everything.total);
    expect(new Set(await kinds.allTextContents())).toEqual(new Set(["Video"]));

    await page.getByRole("checkbox", { name: /^Video/ }).uncheck();
    await page.getByLabel("Sort by").selectOption("oldest");
    await expect(page).toHaveURL(/\/assets\?sort=oldest$/);
    await expect.poll(() => titles.allTextContents()).not.toEqual(newestFirst);

    await page.getByLabel("Sort by").selectOption("title");
    await expect(page).toHaveURL(/\/assets\?sort=title$/);
    await expect
      .poll(async () => {
        const shown = await titles.allTextContents();
        // MediaValet compares titles case-insensitively, character by character.
        const sorted = [...shown].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
        return (
          shown.length > 0 &&
          shown.every((title, index) => title.toLowerCase() === sorted[index]?.toLowerCase())
        );
      })
      .toBe(true);

    // Back steps through the sorts, one search at a time.
    await page.goBack();
    await expect(page).toHaveURL(/\/assets\?sort=oldest$/);
    await expect(page.getByLabel("Sort by")).toHaveValue("oldest");
  });

  test("a tile opens its asset, and the grid reserves every thumbnail's size", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openSignedIn(page, "/assets");
    const images = page.getByRole("list", { name: "Assets" }).locator("img");
    await expect(images.first()).toBeVisible();
    const attributes = await images.evaluateAll((all) =>
      all.map((image) => [
        image.getAttribute("width"),
        image.getAttribute("height"),
        image.getAttribute("loading"),
      ]),
    );
    expect(attributes.every(([width, height, loading]) => width && height && loading === "lazy")).toBe(true);

    // The README's screenshot: the first screenful, with its thumbnails loaded.
    await expect
      .poll(() =>
        images.evaluateAll((all) =>
          all
            .slice(0, 12)
            .every(
              (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
            ),
        ),
      )
      .toBe(true);
    // Saved into test-results on every run; `UPDATE_SCREENSHOT=1 npm run test:e2e` refreshes the README's copy.
    await page.screenshot({
      path:
        process.env.UPDATE_SCREENSHOT === "1" ? "docs/library.png" : test.info().outputPath("library.png"),
    });

    const firstTitle = (await page.locator(".asset-title").first().textContent()) ?? "";
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/assets\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
  });

  test("the pager shows the true total, which the search asks MediaValet for", async ({ page }) => {
    const searched = page.waitForResponse((response) => response.url().endsWith("/assets/search"));
    await openSignedIn(page, "/assets");
    const response = await searched;
    expect(JSON.parse(response.request().postData() ?? "{}")).toMatchObject({ includeTotalCount: true });
    const body = (await response.json()) as { payload: { assetCount?: number; assets: unknown[] } };
    expect(body.payload.assetCount).toBeGreaterThan(body.payload.assets.length);

    await expect.poll(async () => (await readPager(page)).total).toBe(body.payload.assetCount);
    const pager = await readPager(page);
    expect(pager.last).toBe(body.payload.assets.length);
    await expect(page.getByTestId("pager-status")).toContainText(
      `page 1 of ${Math.ceil((body.payload.assetCount ?? 0) / pager.last)}`,
    );
  });
});
