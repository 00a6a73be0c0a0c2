import { expect, openSignedIn, test } from "./fixtures";

test.describe("Categories", () => {
  test("the tree opens by keyboard, and a category shows its breadcrumb and its own assets", async ({
    page,
  }) => {
    await openSignedIn(page, "/categories");
    const tree = page.getByRole("navigation", { name: "Category tree" });
    // Find a closed branch below the top level that holds a category with assets (many of the archive's months
    // are empty), open it from the keyboard, and follow that category.
    await expect(tree.locator('button[aria-expanded="false"]').first()).toBeVisible();
    const controls = await tree
      .locator('button[aria-expanded="false"]')
      .evaluateAll(
        (buttons) =>
          buttons
            .map((button) => button.getAttribute("aria-controls") ?? "")
            .find((id) =>
              Array.from(document.getElementById(id)?.querySelectorAll(":scope > li > .tree-row") ?? []).some(
                (row) => Number(row.querySelector(".tree-count")?.textContent?.replace(/\D/g, "") ?? 0) > 0,
              ),
            ) ?? "",
      );
    expect(controls).not.toBe("");
    // Pinned by what it controls: once open, it no longer matches aria-expanded="false".
    const closed = tree.locator(`button[aria-controls="${controls}"]`);
    await closed.focus();
    await page.keyboard.press("Enter");
    await expect(closed).toHaveAttribute("aria-expanded", "true");
    const inner = page.locator(`[id="${controls}"]`);
    await expect(inner).toBeVisible();
    const rows = inner.locator(":scope > li > .tree-row");
    const withAssets = await rows.evaluateAll((all) =>
      all.findIndex(
        (row) => Number(row.querySelector(".tree-count")?.textContent?.replace(/\D/g, "") ?? 0) > 0,
      ),
    );
    const link = rows.nth(withAssets).getByRole("link");
    const name = ((await link.textContent()) ?? "").trim();
    await link.focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/categories\/[^/]+$/);
    const categoryPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await expect(tree.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");

    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");
    expect(await crumbs.count()).toBeGreaterThanOrEqual(3);
    await expect(crumbs.last()).toHaveText(name);
    const parentCrumb = crumbs.nth((await crumbs.count()) - 2).getByRole("link");
    const parentName = ((await parentCrumb.textContent()) ?? "").trim();

    // The category's assets really are filed in it: the first one lists this category.
    const assets = page.getByRole("list", { name: "Assets in this category" });
    await expect(assets.getByRole("listitem").first()).toBeVisible();
    await assets.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/assets\/[^/]+$/);
    const filedIn = page.getByRole("region", { name: "Categories" }).getByRole("link");
    await expect(filedIn.first()).toBeVisible();
    expect(await filedIn.evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toContain(
      categoryPath,
    );

    // Back to the category, then up the breadcrumb.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: parentName })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(parentName);
  });

  test("an unknown category says so and offers Try again", async ({ page }) => {
    await openSignedIn(page, "/categories/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "The category could not be loaded" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" }).first()).toBeVisible();
  });

  test("the tree shows every category MediaValet has, past its first page of 50, in one go", async ({
    page,
  }) => {
    const firstPage = page.waitForResponse(
      (response) => /\/categories\?/.test(response.url()) && /[?&]offset=0\b/.test(response.url()),
    );
    await openSignedIn(page, "/categories");
    const body = (await (await firstPage).json()) as { recordCount: { totalRecordsFound: number } };
    const total = body.recordCount.totalRecordsFound;
    expect(total).toBeGreaterThanOrEqual(120);

    const tree = page.getByRole("navigation", { name: "Category tree" });
    // Closed branches stay in the page (hidden), so every category has its link there.
    await expect(tree.locator("a")).toHaveCount(total);
  });
});
