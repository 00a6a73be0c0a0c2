import type { Page } from "@playwright/test";
import { expect, signedInTest, violationsInBothSchemes } from "./fixtures";

const yours = (page: Page) => page.getByRole("region", { name: "Yours" });

signedInTest.describe("Lightboxes", () => {
  signedInTest("create, rename, add an asset, open, remove it and delete, by keyboard", async ({ page }) => {
    const name = `Picks ${Date.now()}`;
    await page.goto("/lightboxes");
    await expect(page.getByRole("heading", { name: "Lightboxes", level: 1 })).toBeVisible();
    await expect(yours(page).getByRole("link", { name: "Spring campaign" })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: `Created the lightbox “${name}”.` }),
    ).toBeVisible();
    await expect(yours(page).getByRole("link", { name })).toBeVisible();

    // A name already taken is refused by MediaValet (409), and its reason is shown.
    await page.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
    await page.getByRole("button", { name: "Create lightbox" }).click();
    await expect(page.getByRole("alert")).not.toBeEmpty();

    await page.getByRole("button", { name: `Rename ${name}` }).focus();
    await page.keyboard.press("Enter");
    const renamed = `${name} (final)`;
    await expect(page.getByLabel(`New name for “${name}”`)).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(renamed);
    await page.keyboard.press("Enter");
    await expect(yours(page).getByRole("link", { name: renamed })).toBeVisible();

    // Add the library's first asset from its page.
    await page.goto("/assets");
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    const title = (await page.getByTestId("asset-title").textContent()) ?? "";
    await page.getByRole("button", { name: "Add to lightbox…" }).click();
    await page.getByLabel("Lightbox", { exact: true }).selectOption({ label: renamed });
    await page.getByRole("button", { name: "Add to lightbox", exact: true }).click();
    await page.getByRole("status").getByRole("link", { name: renamed }).click();

    await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
    const grid = page.getByRole("list", { name: "Assets in this lightbox" });
    await expect(grid.getByText(title, { exact: true })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);

    await grid.getByRole("checkbox").first().focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Remove 1 chosen from lightbox" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Removed 1 asset from this lightbox." }),
    ).toBeVisible();
    await expect(page.getByText("This lightbox is empty.")).toBeVisible();

    await page.getByRole("link", { name: "Back to the lightboxes" }).click();
    const remove = page.getByRole("button", { name: `Delete ${renamed}…` });
    await remove.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Delete “${renamed}”?` });
    await expect(dialog).toBeVisible();
    // Cancel holds the focus, so Enter never deletes by accident; Escape closes and gives the focus back.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();

    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Delete lightbox" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: `Deleted the lightbox “${renamed}”.` }),
    ).toBeVisible();
    await expect(yours(page).getByRole("link", { name: renamed })).toHaveCount(0);
  });

  signedInTest("a lightbox shared with you can be looked at, not changed", async ({ page }) => {
    await page.goto("/lightboxes");
    const shared = page.getByRole("region", { name: "Shared with you" });
    await expect(shared.getByText("shared by alex, view only")).toBeVisible();
    await expect(shared.getByRole("button")).toHaveCount(0);
    await shared.getByRole("link", { name: "Brand picks (from Alex)" }).click();

    await expect(
      page.getByText("you can look at and download these assets, but not add or remove them"),
    ).toBeVisible();
    const grid = page.getByRole("list", { name: "Assets in this lightbox" });
    await expect(grid.getByRole("listitem")).toHaveCount(5);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Download…" })).toBeVisible();
  });
});
