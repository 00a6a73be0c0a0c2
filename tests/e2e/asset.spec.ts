import type { Page } from "@playwright/test";
import { createSandboxControl } from "../../sandbox/control/SandboxControl";
import { expect, openSignedIn, test } from "./fixtures";

/** Opens the library signed in, then the first asset of `search`; returns the asset page's path. */
async function openFirstAsset(page: Page, search = "/assets?type=image"): Promise<string> {
  await openSignedIn(page, search);
  await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/assets\/[^/?]+$/);
  return new URL(page.url()).pathname;
}

test.describe("An asset", () => {
  test("shows its preview, metadata, keywords, categories and a download link", async ({ page }) => {
    await openFirstAsset(page);
    const title = page.getByTestId("asset-title");
    await expect(title).not.toBeEmpty();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText((await title.textContent()) ?? "");

    const preview = page.locator(".asset-preview img");
    await expect(preview).toBeVisible();
    await expect
      .poll(() => preview.evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);

    const file = page.getByRole("region", { name: "File" });
    await expect(file.getByText("Image (")).toBeVisible();
    await expect(file.getByText(/\d+ × \d+ px/)).toBeVisible();
    await expect(file.getByText(/\d(\.\d)? (bytes|KB|MB|GB)/)).toBeVisible();
    // The link itself comes only after the library's download rules are met (tests/e2e/downloads.spec.ts).
    await expect(file.getByRole("button", { name: /^Download .+…$/ })).toBeVisible();

    await expect(page.getByRole("list", { name: "Keywords" }).getByRole("listitem").first()).toBeVisible();
    const categories = page.getByRole("region", { name: "Categories" }).getByRole("link");
    await expect(categories.first()).toBeVisible();
    expect(await categories.first().getAttribute("href")).toMatch(/^\/categories\/[^/]+$/);
    await expect(page.getByRole("region", { name: "Attributes" }).locator("dt").first()).toBeVisible();
  });

  test("an edited title shows at once and is still there after a reload", async ({ page }) => {
    const path = await openFirstAsset(page);
    const newTitle = `Edited in e2e ${Date.now()}`;
    await page.getByRole("button", { name: "Edit details" }).click();
    await expect(page.getByLabel("Title")).toBeFocused();
    await page.getByLabel("Title").fill(newTitle);
    await page.getByLabel("Description").fill("A description written by the end-to-end test.");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
    await expect(page.getByText("Your changes are saved.")).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByTestId("asset-title")).toHaveText(newTitle);
    await expect(page.getByTestId("asset-description")).toHaveText(
      "A description written by the end-to-end test.",
    );
  });

  test("a failed edit (the API answers 500) says so and keeps everything typed", async ({
    page,
    sandbox,
  }) => {
    const control = createSandboxControl(sandbox);
    await openFirstAsset(page);
    const original = (await page.getByTestId("asset-title").textContent()) ?? "";
    // Everything the page loads is in, so the one failing call will be the save.
    await expect(page.getByRole("region", { name: "Attributes" }).locator("dt").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Keywords" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Categories" }).getByRole("link").first()).toBeVisible();

    await page.getByRole("button", { name: "Edit details" }).click();
    const typedTitle = `Typed before a failure ${Date.now()}`;
    await page.getByLabel("Title").fill(typedTitle);
    await page.getByLabel("Alt text").fill("Alt text that must survive");
    await control.failApi({ status: 500, count: 1 });
    try {
      await page.getByRole("button", { name: "Save" }).click();

      await expect(page.getByRole("alert")).toContainText("Your changes were not saved.");
      await expect(page.getByLabel("Title")).toHaveValue(typedTitle);
      await expect(page.getByLabel("Alt text")).toHaveValue("Alt text that must survive");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);
    } finally {
      await control.reset();
    }

    // The fault is spent: saving the same text again works, and nothing had to be typed twice.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(typedTitle);
    await expect(page.getByTestId("asset-alt-text")).toHaveText("Alt text that must survive");
  });

  test("a keyword added and another removed stay that way after a reload", async ({ page, control }) => {
    // Persistence only: MediaValet's delay before keyword writes apply has its own tests below.
    await control.setKeywordDelay(0);
    await openFirstAsset(page, "/assets?type=video");
    const keywords = page.getByRole("list", { name: "Keywords" });
    await expect(keywords.getByRole("listitem").first()).toBeVisible();
    const removed = (
      (await keywords.getByRole("listitem").first().locator("span").first().textContent()) ?? ""
    ).trim();
    const added = `e2e-${Date.now()}`;

    await page.getByLabel("Add keyword").fill(added);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(keywords.getByText(added, { exact: true })).toBeVisible();
    await expect(page.getByLabel("Add keyword")).toHaveValue("");
    await page.getByRole("button", { name: `Remove keyword ${removed}` }).click();
    await expect(page.getByRole("button", { name: `Remove keyword ${removed}` })).toHaveCount(0);
    await expect(page.getByLabel("Add keyword")).toBeFocused();
    await expect(page.getByRole("button", { name: `Remove keyword ${added}` })).toBeEnabled();

    await page.reload();
    await expect(page.getByRole("button", { name: `Remove keyword ${added}` })).toBeVisible();
    await expect(page.getByRole("button", { name: `Remove keyword ${removed}` })).toHaveCount(0);
  });

  test("an unknown asset says it was not found and offers Try again", async ({ page }) => {
    await openSignedIn(page, "/assets/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "The asset could not be loaded" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(/not found/i);
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("a field MediaValet refuses is named, keeps the typed text, and the fields it took show as saved", async ({
    page,
  }) => {
    await openFirstAsset(page);
    const original = (await page.getByTestId("asset-title").textContent()) ?? "";
    const description = `Saved beside a refused title ${Date.now()}`;
    await page.getByRole("button", { name: "Edit details" }).click();
    // Only spaces: the form lets it through, and MediaValet skips it (the title cannot be empty) with a 200.
    await page.getByLabel("Title").fill("   ");
    await page.getByLabel("Description").fill(description);
    const patched = page.waitForResponse((response) => response.request().method() === "PATCH");
    await page.getByRole("button", { name: "Save" }).click();
    expect((await patched).status()).toBe(200);

    await expect(page.getByRole("alert")).toContainText("MediaValet did not save Title.");
    const title = page.getByLabel("Title");
    await expect(title).toHaveValue("   ");
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/Not saved: .*title cannot be empty/)).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue(description);
    await expect(page.getByText("Saved: Description.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);

    // Fixing the title saves it; the description was saved the first time and stays.
    await title.fill(`${original} (renamed)`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("asset-title")).toHaveText(`${original} (renamed)`);
    await expect(page.getByTestId("asset-description")).toHaveText(description);
  });

  test("a keyword just added shows as pending until MediaValet lists it", async ({ page, control }) => {
    await control.setKeywordDelay(2000);
    await openFirstAsset(page, "/assets?type=image");
    const keywords = page.getByRole("list", { name: "Keywords" });
    await expect(keywords.getByRole("listitem").first()).toBeVisible();
    const added = `lighthouse-${Date.now()}`;

    await page.getByLabel("Add keyword").fill(added);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const chip = keywords.getByRole("listitem").filter({ hasText: added });
    await expect(chip).toContainText("pending");
    await expect(page.getByRole("button", { name: `Remove pending keyword ${added}` })).toBeVisible();

    await expect(page.getByRole("button", { name: `Remove keyword ${added}` })).toBeVisible({
      timeout: 15_000,
    });
    await expect(chip).not.toContainText("pending");
    await page.reload();
    await expect(page.getByRole("button", { name: `Remove keyword ${added}` })).toBeVisible();
  });

  test("a pending keyword can be removed: it goes once MediaValet has listed it", async ({
    page,
    control,
  }) => {
    await control.setKeywordDelay(1500);
    const path = await openFirstAsset(page, "/assets?type=image");
    const keywords = page.getByRole("list", { name: "Keywords" });
    await expect(keywords.getByRole("listitem").first()).toBeVisible();
    const added = `gone-${Date.now()}`;

    await page.getByLabel("Add keyword").fill(added);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const deleted = page.waitForResponse(
      (response) => response.request().method() === "DELETE" && response.url().includes("/keywords/"),
      { timeout: 20_000 },
    );
    await page.getByRole("button", { name: `Remove pending keyword ${added}` }).click();
    await expect(keywords.getByText(added)).toHaveCount(0);
    expect((await deleted).status()).toBe(202);
    await expect(page.getByRole("alert")).toHaveCount(0);

    // After MediaValet's delay the removal has applied: a fresh load does not list it.
    await expect(async () => {
      await page.goto(path);
      await expect(keywords.getByRole("listitem").first()).toBeVisible();
      await expect(keywords.getByText(added)).toHaveCount(0);
    }).toPass({ timeout: 15_000 });
  });
});
