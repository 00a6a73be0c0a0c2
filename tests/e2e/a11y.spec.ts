import type { Page } from "@playwright/test";
import { expect, signedInTest, test, violationsInBothSchemes } from "./fixtures";

/** Every signed-in page, each waited on until its content (not its loading state) is on screen. */
const PAGES: { path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    path: "/assets",
    ready: (page) => expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible(),
  },
  {
    path: "/categories",
    ready: (page) =>
      expect(page.getByRole("navigation", { name: "Category tree" }).getByRole("link").first()).toBeVisible(),
  },
  {
    path: "/profile",
    ready: (page) => expect(page.getByTestId("profile-name")).toHaveText("Dana Demo"),
  },
  {
    path: "/session",
    ready: (page) => expect(page.getByTestId("expires-in")).toBeVisible(),
  },
];

test.describe("Accessibility, light and dark", () => {
  test("the landing page has no serious or critical violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });

  test("the not-found page has no serious or critical violations", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });

  for (const { path, ready } of PAGES) {
    signedInTest(`${path} has no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      expect(await violationsInBothSchemes(page)).toEqual([]);
    });
  }

  signedInTest(
    "an asset page, viewing and editing, has no serious or critical violations",
    async ({ page }) => {
      await page.goto("/assets");
      await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
      await expect(page.getByRole("list", { name: "Keywords" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Attributes" }).locator("dt").first()).toBeVisible();
      expect(await violationsInBothSchemes(page)).toEqual([]);
      await page.getByRole("button", { name: "Edit details" }).click();
      await expect(page.getByLabel("Title")).toBeFocused();
      expect(await violationsInBothSchemes(page)).toEqual([]);
    },
  );

  signedInTest("a category page has no serious or critical violations", async ({ page }) => {
    await page.goto("/assets");
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    await page.getByRole("region", { name: "Categories" }).getByRole("link").first().click();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Assets in this category" })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });
});

signedInTest.describe("Narrow screens", () => {
  signedInTest.use({ viewport: { width: 360, height: 740 } });

  signedInTest("no page scrolls sideways at 360 px", async ({ page }) => {
    await page.goto("/assets");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow(), "/assets").toBeLessThanOrEqual(0);
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    await expect(page.getByRole("list", { name: "Keywords" })).toBeVisible();
    expect(await overflow(), "asset page").toBeLessThanOrEqual(0);
    for (const path of ["/categories", "/session", "/profile"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
  });
});
