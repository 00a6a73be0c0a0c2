import type { Page } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import {
  expect,
  openSignedIn,
  readPager,
  signedInTest as test,
  storedUser,
  test as signedOutTest,
  seriousViolations,
} from "./fixtures";

const grid = (page: Page) => page.getByRole("list", { name: "Assets" });
const boxes = (page: Page) => grid(page).getByRole("checkbox");
const selectionCount = (page: Page) => page.getByTestId("selection-count");

/** Opens the library with a clean selection and waits for its thumbnails. */
async function openLibrary(page: Page): Promise<void> {
  await page.goto("/assets");
  await page.evaluate(() => sessionStorage.removeItem("valet.selection"));
  await page.reload();
  await expect(boxes(page).first()).toBeVisible();
}

/** Selects assets 21 to 80 of the library: a click on page 1, a Shift+click on page 2. */
async function selectSixtyAcrossPages(page: Page): Promise<string[]> {
  const titles = await grid(page).locator(".asset-title").allTextContents();
  await boxes(page).nth(20).check();
  await expect(selectionCount(page)).toHaveText("1 selected");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expect(page.getByTestId("pager-status").first()).toContainText("Showing 51–100");
  const secondTitles = await grid(page).locator(".asset-title").allTextContents();
  await boxes(page)
    .nth(29)
    .click({ modifiers: ["Shift"] });
  await expect(selectionCount(page)).toHaveText("60 selected");
  return [...titles.slice(20), ...secondTitles.slice(0, 30)];
}

test.describe("Selection and bulk actions", () => {
  test("a Shift+click range across two pages, a keyword added to all 60 in one /bulk request, seen on an asset's page", async ({
    page,
    control,
  }) => {
    await control.setKeywordDelay(0);
    await openLibrary(page);
    const titles = await selectSixtyAcrossPages(page);
    // Every tile in the range is marked, not only by colour.
    await expect(grid(page).getByText("✓ Selected")).toHaveCount(30);

    // The selection survives a reload within the tab.
    await page.reload();
    await expect(selectionCount(page)).toHaveText("60 selected");

    await control.resetStats();
    await page.getByRole("button", { name: "Add keywords" }).click();
    const dialog = page.getByRole("dialog", { name: /Add keywords — 60 selected assets/ });
    await dialog.getByLabel("Keywords (separate several with commas)").fill("bulk-e2e");
    await dialog.getByRole("button", { name: "Apply to 60 assets" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("60 of 60 changes succeeded.");
    const stats = await control.stats();
    expect(stats.bulkRequests).toBe(1);
    expect(stats.bulkParts).toBe(60);

    await dialog.getByRole("button", { name: "Close" }).click();
    // The last asset of the range, by the selection's own record of it (the grid's order may shift with changes).
    const selected = await page.evaluate(
      () =>
        JSON.parse(sessionStorage.getItem("valet.selection") ?? "{}") as {
          items: { id: string; title: string }[];
        },
    );
    expect(selected.items.map((item) => item.title)).toEqual(titles);
    await page.goto(`/assets/${selected.items[59]?.id ?? ""}`);
    await expect(
      page.getByRole("list", { name: "Keywords" }).getByText("bulk-e2e", { exact: true }),
    ).toBeVisible();
  });

  test("a batch where MediaValet fails 3 parts reports exactly those 3, and retrying sends only them", async ({
    page,
    control,
  }) => {
    await control.setKeywordDelay(0);
    await openLibrary(page);
    await page.getByRole("button", { name: "Select this page" }).click();
    await expect(selectionCount(page)).toHaveText("50 selected");

    await control.failBulk({ status: 503, parts: [2, 7, 41] });
    await page.getByRole("button", { name: "Add keywords" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Keywords (separate several with commas)").fill("retry-e2e");
    await dialog.getByRole("button", { name: "Apply to 50 assets" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("47 of 50 changes succeeded; 3 did not.");
    await expect(dialog.getByTestId("bulk-failed")).toHaveCount(3);
    await expect(dialog.getByTestId("bulk-failed").first()).toContainText(
      "The sandbox was told to fail this part.",
    );

    await control.resetStats();
    await dialog.getByRole("button", { name: "Retry the failed ones" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("50 of 50 changes succeeded.");
    const stats = await control.stats();
    expect(stats.bulkRequests).toBe(1);
    expect(stats.bulkParts).toBe(3);
  });

  test("a throttled batch is sent again after the wait MediaValet asks for, and every change lands once", async ({
    page,
    control,
  }) => {
    await openLibrary(page);
    const total = (await readPager(page)).total;
    await page.getByRole("button", { name: `Select all ${total} results` }).click();
    await expect(selectionCount(page)).toHaveText(`${total} selected`);

    // The next two /bulk requests are refused with Retry-After: 1.
    await control.failBulk({ status: 429, retryAfterSeconds: 1, batches: 2 });
    await control.resetStats();
    await page.getByRole("button", { name: "Add keywords" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Keywords (separate several with commas)").fill("throttle-e2e");
    await dialog.getByRole("button", { name: `Apply to ${total} assets` }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText(`${total} of ${total} changes succeeded.`);
    const stats = await control.stats();
    // Two batches (200 and the rest) go out together; each is refused once, waits, and runs once.
    expect(stats.bulkRequests).toBe(4);
    expect(stats.bulkParts).toBe(total);
  });

  test("a category's grid selects too: a range with the keyboard, and Select this page", async ({ page }) => {
    await openLibrary(page);
    await grid(page).getByRole("link").first().click();
    await page.getByRole("region", { name: "Categories" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/categories\/[^/]+/);
    const inCategory = page.getByRole("list", { name: "Assets in this category" });
    const categoryBoxes = inCategory.getByRole("checkbox");
    await expect(categoryBoxes.first()).toBeVisible();
    const tiles = await categoryBoxes.count();

    await categoryBoxes.nth(0).focus();
    await page.keyboard.press("Space");
    await categoryBoxes.nth(Math.min(2, tiles - 1)).focus();
    await page.keyboard.press("Shift+Space");
    await expect(selectionCount(page)).toHaveText(`${Math.min(3, tiles)} selected`);

    await page.getByRole("button", { name: "Select this page" }).click();
    await expect(selectionCount(page)).toHaveText(`${tiles} selected`);
    await expect(categoryBoxes.and(page.locator(":checked"))).toHaveCount(tiles);
  });

  test("the other actions: into and out of a category, an attribute, a lightbox, each reported per asset", async ({
    page,
    sandbox,
  }) => {
    await openLibrary(page);
    await boxes(page).nth(5).check();
    await boxes(page).nth(6).check();
    await expect(selectionCount(page)).toHaveText("2 selected");
    const dialog = page.getByRole("dialog");
    const apply = async (action: string, choose: () => Promise<void>) => {
      await page.getByRole("button", { name: action, exact: true }).click();
      await choose();
      await dialog.getByRole("button", { name: "Apply to 2 assets" }).click();
      await expect(dialog.getByTestId("bulk-summary")).toHaveText("2 of 2 changes succeeded.");
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toHaveCount(0);
    };

    // An archive folder nothing is filed in; filed and taken out again, so other tests see it empty.
    const folder = "Root\\Archive\\2019\\March 2019";
    for (const action of ["Add to category", "Remove from category"]) {
      await apply(action, async () => {
        const select = dialog.getByLabel("Category");
        await expect(select).toBeEnabled();
        await select.selectOption({ label: folder });
      });
    }
    await apply("Set attribute", async () => {
      const select = dialog.getByLabel("Attribute");
      await expect(select).toBeEnabled();
      // A free-text attribute no asset uses, so no facet or filter elsewhere sees the change.
      await select.selectOption({ label: "Archive notes" });
      await dialog.getByLabel("Value (empty clears it)").fill("Set in bulk");
    });
    await apply("Add to lightbox", async () => {
      const select = dialog.getByLabel("Lightbox");
      await expect(select).toBeEnabled();
      await select.selectOption({ label: "Empty for now" });
    });

    // "Empty for now" is seeded empty for other tests in this worker: take the two assets out again.
    const ids = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem("valet.selection") ?? "{}") as { items: { id: string }[] }).items,
    );
    const emptied = await page.evaluate(
      async ({ apiUrl, key, token, assetIds }) => {
        const headers = {
          Authorization: `Bearer ${token}`,
          "Ocp-Apim-Subscription-Key": key,
          "x-mv-api-version": "1.2",
          "Content-Type": "application/json",
        };
        const list = (await (await fetch(`${apiUrl}/lightboxes`, { headers })).json()) as {
          payload: { id: string; name: string }[];
        };
        const id = list.payload.find((lightbox) => lightbox.name === "Empty for now")?.id ?? "";
        const removed = await fetch(`${apiUrl}/lightboxes/${id}/assets`, {
          method: "DELETE",
          headers,
          body: JSON.stringify(assetIds),
        });
        return removed.status;
      },
      {
        apiUrl: sandbox.apiUrl,
        key: sandbox.subscriptionKey,
        token: (await storedUser(page)).access_token ?? "",
        assetIds: ids.map((item) => item.id),
      },
    );
    expect(emptied).toBe(200);
  });

  test("a CSV exported, one title changed and imported changes exactly that title", async ({
    page,
  }, testInfo) => {
    await openLibrary(page);
    for (const index of [0, 1, 2]) await boxes(page).nth(index).check();
    await expect(selectionCount(page)).toHaveText("3 selected");

    const selectionBefore = await page.evaluate(() => sessionStorage.getItem("valet.selection"));
    await page.getByRole("button", { name: "Export CSV" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download valet-metadata.csv" }).click();
    const exported = testInfo.outputPath("exported.csv");
    await (await download).saveAs(exported);
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

    const lines = (await readFile(exported, "utf8")).split("\r\n");
    expect(lines[0]).toMatch(/^id,title,description,altText,keywords/);
    const [id, title] = (lines[2] ?? "").split(",");
    const edited = testInfo.outputPath("edited.csv");
    await writeFile(
      edited,
      [
        lines[0],
        lines[1],
        `${id},Renamed by CSV,${(lines[2] ?? "").split(",").slice(2).join(",")}`,
        lines[3],
      ].join("\r\n"),
    );

    await page.getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("CSV file (as exported, with the id column)").setInputFiles(edited);
    await expect(dialog.getByTestId("csv-change")).toHaveCount(1);
    await expect(dialog.getByTestId("csv-change")).toContainText(`${title}title${title}Renamed by CSV`);
    await dialog.getByRole("button", { name: "Apply these changes" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("1 of 1 changes succeeded.");

    await page.goto(`/assets/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renamed by CSV");

    // The file as exported puts the title back, so later tests in this worker see the library as seeded.
    await openLibrary(page);
    await page.evaluate(
      ([owner]) => sessionStorage.setItem("valet.selection", owner ?? ""),
      [selectionBefore],
    );
    await page.reload();
    await page.getByRole("button", { name: "Import CSV" }).click();
    await page
      .getByRole("dialog")
      .getByLabel("CSV file (as exported, with the id column)")
      .setInputFiles(exported);
    await page.getByRole("dialog").getByRole("button", { name: "Apply these changes" }).click();
    await expect(page.getByRole("dialog").getByTestId("bulk-summary")).toHaveText(
      "1 of 1 changes succeeded.",
    );
  });

  test("a malformed CSV is refused line by line and nothing is sent", async ({ page, control }, testInfo) => {
    await openLibrary(page);
    await boxes(page).nth(0).check();
    const bad = testInfo.outputPath("bad.csv");
    await writeFile(bad, 'id,title,Colour\r\nnot-an-id,"unclosed,x\r\n');

    await control.resetStats();
    await page.getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("CSV file (as exported, with the id column)").setInputFiles(bad);
    const problems = dialog.getByRole("list", { name: "Problems in the file" }).getByRole("listitem");
    await expect(problems.filter({ hasText: 'Line 1: unknown column "Colour"' })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^Line 2: / })).not.toHaveCount(0);
    await expect(dialog.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);
    // Only the read of the selection's current metadata went out, nothing that changes anything.
    expect((await control.stats()).bulkParts).toBe(1);
  });

  test("the selection bar, a bulk dialog and its report have no serious or critical violations", async ({
    page,
    control,
  }) => {
    await control.setKeywordDelay(0);
    await openLibrary(page);
    await boxes(page).nth(0).check();
    await boxes(page).nth(1).check();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard only: the dialog opens with focus inside it and is driven by keys.
    await page.getByRole("button", { name: "Add keywords" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Keywords (separate several with commas)")).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type("axe-check");
    await page.keyboard.press("Enter");
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("2 of 2 changes succeeded.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  });

  test("the README's screenshot: a selection on the library page, and the report of a keyword added to it", async ({
    page,
    control,
  }) => {
    await control.setKeywordDelay(0);
    await page.setViewportSize({ width: 1000, height: 1200 });
    await openLibrary(page);
    for (const index of [3, 4, 5]) await boxes(page).nth(index).check();
    await expect(selectionCount(page)).toHaveText("3 selected");

    await page.getByRole("button", { name: "Add keywords" }).click();
    const dialog = page.getByRole("dialog", { name: /Add keywords — 3 selected assets/ });
    await dialog.getByLabel("Keywords (separate several with commas)").fill("spring-campaign");
    await dialog.getByRole("button", { name: "Apply to 3 assets" }).click();
    await expect(dialog.getByTestId("bulk-summary")).toHaveText("3 of 3 changes succeeded.");
    const images = grid(page).locator("img");
    await expect
      .poll(() =>
        images.evaluateAll((all) =>
          all
            .slice(0, 9)
            .every(
              (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
            ),
        ),
      )
      .toBe(true);
    // The page as a person first sees it, the selection bar and the checked tiles around the report.
    await page.evaluate(() => window.scrollTo(0, 0));
    // Saved into test-results on every run; `UPDATE_SCREENSHOT=1` refreshes the README's copy.
    await page.screenshot({
      path:
        process.env.UPDATE_SCREENSHOT === "1"
          ? "docs/bulk-report.png"
          : test.info().outputPath("bulk-report.png"),
    });
  });

  // Signs in on its own: signing out ends the session the other tests share.
  signedOutTest("the selection is gone from the tab after sign-out", async ({ page, sandbox, site }) => {
    await openSignedIn(page, "/assets");
    await boxes(page).nth(0).check();
    await expect(selectionCount(page)).toHaveText("1 selected");
    expect(await page.evaluate(() => sessionStorage.getItem("valet.selection"))).not.toBeNull();

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession`),
    );
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await endSession;
    await expect(page).toHaveURL(site.url);
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem("valet.selection"))).toBeNull();
  });
});
