import type { Page } from "@playwright/test";
import { expect, signedInTest as test } from "./fixtures";

const grid = (page: Page) => page.getByRole("list", { name: "Assets" });
const tiles = (page: Page) => grid(page).getByRole("link");

/** The href of the element that has the focus, or null when it is not a tile of the grid. */
const focusedTile = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest("ul.asset-grid") ? active.getAttribute("href") : null;
  });

/** How many tiles the grid's first row holds, as the browser laid it out. */
const columns = (page: Page) =>
  tiles(page).evaluateAll((links) => {
    const top = links[0]?.getBoundingClientRect().top;
    return links.filter((link) => link.getBoundingClientRect().top === top).length;
  });

test.describe("The grid and the asset page from the keyboard alone", () => {
  test("tab into the grid once, move with the arrows, Home and End, select with Space", async ({ page }) => {
    await page.goto("/assets");
    await expect(grid(page).locator("img").first()).toBeVisible();
    const hrefs = await tiles(page).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(8);

    // Tab from the search box, past the filters, until the focus reaches the grid: it lands on the first tile.
    await page.getByLabel("Search assets").focus();
    for (let presses = 0; presses < 400 && (await focusedTile(page)) === null; presses++) {
      await page.keyboard.press("Tab");
    }
    expect(await focusedTile(page)).toBe(hrefs[0]);
    // The whole grid is one tab stop: the next Tab leaves it, and Shift+Tab comes back to the same tile.
    await page.keyboard.press("Tab");
    expect(await focusedTile(page)).toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await focusedTile(page)).toBe(hrefs[0]);

    await page.keyboard.press("ArrowRight");
    expect(await focusedTile(page)).toBe(hrefs[1]);
    const width = await columns(page);
    expect(width).toBeGreaterThan(1);
    await page.keyboard.press("ArrowDown");
    expect(await focusedTile(page)).toBe(hrefs[1 + width]);
    await page.keyboard.press("ArrowUp");
    expect(await focusedTile(page)).toBe(hrefs[1]);
    await page.keyboard.press("End");
    expect(await focusedTile(page)).toBe(hrefs.at(-1));
    await page.keyboard.press("Home");
    expect(await focusedTile(page)).toBe(hrefs[0]);

    // A narrower window has fewer columns, and Down follows them.
    await page.setViewportSize({ width: 700, height: 900 });
    const narrower = await columns(page);
    expect(narrower).toBeLessThan(width);
    await page.keyboard.press("ArrowDown");
    expect(await focusedTile(page)).toBe(hrefs[narrower]);

    const box = grid(page).getByRole("checkbox").nth(narrower);
    await expect(box).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
    await page.keyboard.press("Space");
    await expect(box).not.toBeChecked();
  });

  test("Enter opens, Next and Previous step through the results, Escape comes back to the same tile", async ({
    page,
  }) => {
    await page.goto("/assets");
    await expect(grid(page).locator("img").first()).toBeVisible();
    const hrefs = await tiles(page).evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );

    await tiles(page).first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === hrefs[2]);
    const results = page.getByRole("navigation", { name: "Results" });
    await expect(results).toContainText(`3 of ${hrefs.length}`);

    // The asset's heading has the focus (its page's code loaded after the link was followed), and the next Tab
    // reaches Previous; the way back and Next follow it.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    const previous = results.getByRole("link", { name: /^← Previous/ });
    await page.keyboard.press("Tab");
    await expect(previous).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(results.getByRole("link", { name: "Back to results" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(results.getByRole("link", { name: /^Next/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === hrefs[3]);
    await expect(results).toContainText(`4 of ${hrefs.length}`);

    await page.keyboard.press("Escape");
    await expect(page).toHaveURL((url) => url.pathname === "/assets");
    await expect.poll(() => focusedTile(page)).toBe(hrefs[3]);

    // From far down the page, the way back scrolls the results as they were: the tile where it was on screen.
    await page.keyboard.press("End");
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const onScreen = () =>
      tiles(page)
        .last()
        .evaluate((link) => Math.round(link.getBoundingClientRect().top));
    const where = await onScreen();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === hrefs.at(-1));
    await expect(results.getByRole("link", { name: /^Next/ })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => focusedTile(page)).toBe(hrefs.at(-1));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(Math.abs((await onScreen()) - where)).toBeLessThan(2);
  });
});
