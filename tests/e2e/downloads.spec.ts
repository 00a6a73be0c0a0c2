import type { Page } from "@playwright/test";
import { expect, signedInTest, signInAtSandbox, test, violationsInBothSchemes } from "./fixtures";

/** Opens a lightbox of the demo user's by name. */
async function openLightbox(page: Page, name: string): Promise<void> {
  await page.goto("/lightboxes");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Assets in this lightbox" }).getByRole("listitem").first(),
  ).toBeVisible();
}

/** Answers the library's download form by keyboard: accept the terms, say what the download is for, submit. */
async function answerTheForm(page: Page, title: RegExp | string, submit: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("checkbox", { name: "I accept the terms of use" }).focus();
  await page.keyboard.press("Space");
  await dialog.getByLabel(/What is the download for\?/).selectOption("Web");
  await dialog.getByRole("button", { name: submit }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
}

signedInTest.describe("Downloads", () => {
  signedInTest(
    "a rendition download asks for the terms first, then hands over the link and records it",
    async ({ page, control }) => {
      await page.goto("/assets?type=image");
      await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
      const file = page.getByRole("region", { name: "File" });
      await file.getByRole("button", { name: /^Download .+…$/ }).click();
      const size = file.getByLabel("Size");
      const small = size.getByRole("option", { name: /^Small/ });
      await size.selectOption((await small.getAttribute("value")) ?? "");
      await file.getByRole("button", { name: "Download…" }).click();

      const dialog = page.getByRole("dialog", { name: /\(Small\)$/ });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("region", { name: "Terms of use" })).toContainText("Sample Co. business");
      // Nothing is handed over before the rules are met: an empty form names what is missing.
      await dialog.getByRole("button", { name: "Accept and get the link" }).click();
      await expect(dialog.getByText(/^⚠?\s*Accept the terms/)).toBeVisible();
      await expect(page.getByRole("link", { name: /^Save / })).toHaveCount(0);
      expect(await violationsInBothSchemes(page)).toEqual([]);

      await answerTheForm(page, /\(Small\)$/, "Accept and get the link");
      const link = file.getByRole("link", { name: /^Save .+\(Small\)$/ });
      await expect(link).toBeVisible();
      expect(await link.getAttribute("href")).toMatch(/small/);
      expect((await control.stats()).downloadsRecorded).toBe(0);

      const popup = page.waitForEvent("popup");
      await link.click();
      await (await popup).close();
      await expect.poll(async () => (await control.stats()).downloadsRecorded).toBe(1);
      await expect(
        page.getByRole("status").filter({ hasText: "Download recorded in MediaValet." }),
      ).toBeVisible();
    },
  );

  signedInTest(
    "a lightbox downloads as one zip, with progress until it is ready",
    async ({ page, control, request }) => {
      await control.setArchive({ seconds: 3 });
      await openLightbox(page, "Spring campaign");
      await page.getByRole("button", { name: "Download…" }).click();
      await page.getByRole("button", { name: "Download 8 assets as a zip…" }).click();
      await answerTheForm(page, "Download 8 assets as a zip", "Accept and prepare the zip");

      const progress = page.getByRole("progressbar", { name: "Archive progress" });
      await expect(progress).toBeVisible();
      await expect(
        page.getByRole("status").filter({ hasText: /preparing the archive: \d of 8 assets/ }),
      ).toBeVisible();
      const link = page.getByRole("link", { name: /^Save Spring campaign\.zip/ });
      await expect(link).toBeVisible({ timeout: 15_000 });
      await expect(progress).toBeHidden();
      const zip = await request.get((await link.getAttribute("href")) ?? "");
      expect(zip.status()).toBe(200);
      expect(zip.headers()["content-type"]).toBe("application/zip");
      expect(await violationsInBothSchemes(page)).toEqual([]);
    },
  );

  signedInTest(
    "the library's selection downloads as one zip from the selection bar",
    async ({ page, control }) => {
      await control.setArchive({ seconds: 1 });
      await page.goto("/assets");
      const grid = page.getByRole("list", { name: "Assets" });
      await grid.getByRole("checkbox").nth(0).check();
      await grid.getByRole("checkbox").nth(1).check();
      const bar = page.getByRole("region", { name: "Selection" });
      await bar.getByRole("button", { name: "Download…" }).click();
      await bar.getByRole("button", { name: "Download 2 assets as a zip…" }).click();
      await answerTheForm(page, "Download 2 assets as a zip", "Accept and prepare the zip");
      await expect(bar.getByRole("link", { name: /^Save selection\.zip/ })).toBeVisible({ timeout: 15_000 });
    },
  );

  signedInTest(
    "an archive that fails or expires says so and offers to start again",
    async ({ page, control }) => {
      await control.setArchive({ seconds: 0, outcome: "expired" });
      await openLightbox(page, "Website refresh");
      await page.getByRole("button", { name: "Download…" }).click();
      await page.getByRole("button", { name: "Download 3 assets as a zip…" }).click();
      await answerTheForm(page, "Download 3 assets as a zip", "Accept and prepare the zip");
      await expect(page.getByRole("alert")).toHaveText(/link has expired\. Start the download again/);

      await control.setArchive({ seconds: 0, outcome: "failed" });
      await page.getByRole("button", { name: "Start the download again" }).click();
      await answerTheForm(page, "Download 3 assets as a zip", "Accept and prepare the zip");
      await expect(page.getByRole("alert")).toHaveText(
        /could not build the archive\. Start the download again/,
      );
    },
  );
});

test.describe("The read-only user", () => {
  test("sees no edit actions, and is told plainly what the account may not do", async ({ page }) => {
    await page.goto("/assets");
    await signInAtSandbox(page, { username: "alex", password: "alex" });
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await page.getByRole("list", { name: "Assets" }).getByRole("link").first().click();
    await expect(page.getByTestId("asset-title")).not.toBeEmpty();

    await expect(
      page.getByText("may not change this asset's details (it lacks the asset:editMetadata permission)"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
    await expect(page.getByText("may not change this asset's keywords")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Remove keyword/ })).toHaveCount(0);
    await expect(page.getByLabel("Add keyword")).toHaveCount(0);
    await expect(
      page.getByText("may not download assets (it lacks the asset:download permission)"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);
    expect(await violationsInBothSchemes(page)).toEqual([]);

    await page.getByRole("link", { name: "Lightboxes" }).click();
    await expect(
      page.getByText("may not create lightboxes (it lacks the lightbox:create permission)"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create lightbox" })).toHaveCount(0);
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });

  test("sees no bulk edit actions for a selection, and is told which permission each lacks", async ({
    page,
  }) => {
    await page.goto("/assets");
    await signInAtSandbox(page, { username: "alex", password: "alex" });
    const assets = page.getByRole("list", { name: "Assets" });
    await assets.getByRole("checkbox").first().check();
    const bar = page.getByRole("region", { name: "Selection" });
    await expect(bar.getByTestId("selection-count")).toHaveText("1 selected");

    await expect(
      bar.getByText("Add keywords and Remove keywords not offered: Your MediaValet account may not change"),
    ).toContainText("asset:editKeywords");
    await expect(bar.getByText("Add to category and Remove from category not offered")).toContainText(
      "asset:assignCategory",
    );
    await expect(bar.getByText("Set attribute and Import CSV not offered")).toContainText(
      "asset:editMetadata",
    );
    for (const action of ["Add keywords", "Remove keywords", "Add to category", "Remove from category"]) {
      await expect(bar.getByRole("button", { name: action, exact: true })).toHaveCount(0);
    }
    await expect(bar.getByRole("button", { name: "Set attribute" })).toHaveCount(0);
    await expect(bar.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
    await expect(bar.getByText("may not download assets")).toBeVisible();
    // Reading the selection's metadata is not an edit.
    await expect(bar.getByRole("button", { name: "Export CSV" })).toBeVisible();
    expect(await violationsInBothSchemes(page)).toEqual([]);
  });
});
