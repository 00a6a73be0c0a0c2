import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Sandbox } from "../../sandbox/startSandbox";
import { expect, readPager, signedInTest as test, storedUser } from "./fixtures";

const CAMPAIGN = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06";
const MARKETING = "1a7e3c95-4d2b-4e8f-9a16-3c5d7e9f1b01";

interface Facets {
  total: number;
  counts: Map<string, Record<string, number>>;
}

/** Asks the sandbox's API directly, with the signed-in page's own token, what a search finds: the expected counts. */
async function facetsFromApi(
  page: Page,
  sandbox: Sandbox,
  query: { search?: string; filters?: string; containerFilter?: string },
): Promise<Facets> {
  const token = (await storedUser(page)).access_token ?? "";
  const url = new URL("/search/facets", sandbox.apiUrl);
  for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value);
  const response = await page.request.get(url.href, {
    headers: {
      Authorization: `Bearer ${token}`,
      "Ocp-Apim-Subscription-Key": sandbox.subscriptionKey,
      "x-mv-api-version": "1.2",
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    payload: { facetName: string; facets: Record<string, number> }[];
    recordCount: { totalRecordsFound: number };
  };
  return {
    total: body.recordCount.totalRecordsFound,
    counts: new Map(body.payload.map((facet) => [facet.facetName, facet.facets])),
  };
}

const grid = (page: Page) => page.getByRole("list", { name: "Assets" });
const panel = (page: Page) => page.getByRole("region", { name: "Filters" });

/** "Image (12)" as the panel shows it. */
const counted = (label: string, count: number | undefined) =>
  new RegExp(`^${label.replace(/[()]/g, "\\$&")} \\(${count ?? "missing"}\\)`);

test.describe("Filters with counts", () => {
  test("type, extension and a date range filter together, with the sandbox's counts, and the URL reproduces the view", async ({
    page,
    sandbox,
    context,
  }) => {
    await page.goto("/assets");
    await expect(grid(page).locator("img").first()).toBeVisible();
    const everything = await facetsFromApi(page, sandbox, {});
    // Before any filter, each type shows the whole library's count.
    for (const [type, count] of Object.entries(everything.counts.get("assetType") ?? {})) {
      await expect(panel(page).getByRole("checkbox", { name: counted(type, count) })).toBeVisible();
    }

    await panel(page)
      .getByRole("checkbox", { name: /^Image/ })
      .check();
    await expect(page).toHaveURL(/[?&]type=image/);
    await panel(page).getByRole("checkbox", { name: /^jpg/ }).check();
    await expect(page).toHaveURL(/[?&]ext=jpg/);
    const images = await facetsFromApi(page, sandbox, {
      filters: "(AssetType EQ 'Image') AND (File Extension EQ 'jpg')",
    });
    const year = Object.entries(images.counts.get("dateUploaded") ?? {}).find(([, count]) => count > 0)?.[0];
    expect(year).toBeDefined();
    await panel(page).getByRole("group", { name: "Date uploaded" }).getByLabel("From").fill(`${year}-01-01`);
    await panel(page).getByRole("group", { name: "Date uploaded" }).getByLabel("To").fill(`${year}-12-31`);
    await expect(page).toHaveURL(new RegExp(`uploadedTo=${year}-12-31`));

    const expected = await facetsFromApi(page, sandbox, {
      filters: `(AssetType EQ 'Image') AND (File Extension EQ 'jpg') AND (DateUploaded GE '${year}-01-01' AND DateUploaded LE '${year}-12-31')`,
    });
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(async () => (await readPager(page)).total).toBe(expected.total);
    const statuses = expected.counts.get("status") ?? {};
    await expect(
      panel(page).getByRole("checkbox", { name: counted("Approved", statuses["0"]) }),
    ).toBeVisible();
    await expect(panel(page).getByRole("checkbox", { name: counted("Image", expected.total) })).toBeChecked();
    await expect(page.getByRole("list", { name: "Filters in use" }).getByRole("listitem")).toHaveText([
      "Type: Image×",
      "Extension: jpg×",
      `Uploaded ${year}-01-01 to ${year}-12-31×`,
    ]);
    expect(new Set(await grid(page).locator(".asset-kind").allTextContents())).toEqual(new Set(["Image"]));

    // A shared link, opened in a new tab, shows the same view.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect.poll(async () => (await readPager(shared)).total).toBe(expected.total);
    await expect(panel(shared).getByRole("checkbox", { name: /^jpg/ })).toBeChecked();
    await expect(panel(shared).getByRole("group", { name: "Date uploaded" }).getByLabel("From")).toHaveValue(
      `${year}-01-01`,
    );
    await shared.close();

    // Removing a chip removes that filter only; Back brings it back.
    await page.getByRole("button", { name: "Remove filter Extension: jpg" }).click();
    await expect(page).not.toHaveURL(/ext=jpg/);
    await expect(panel(page).getByRole("checkbox", { name: /^jpg/ })).not.toBeChecked();
    await page.goBack();
    await expect(panel(page).getByRole("checkbox", { name: /^jpg/ })).toBeChecked();
    await expect.poll(async () => (await readPager(page)).total).toBe(expected.total);
  });

  test("a Campaign value with ) OR ( in it filters literally", async ({ page, sandbox }) => {
    await page.goto("/assets");
    await expect(grid(page).locator("img").first()).toBeVisible();
    const literal = await facetsFromApi(page, sandbox, {
      filters: `(${CAMPAIGN} EQ 'Buy one ) OR ( get one')`,
    });
    expect(literal.total).toBeGreaterThan(0);

    await panel(page)
      .locator("summary", { hasText: /^Campaign$/ })
      .click();
    const value = panel(page).getByRole("checkbox", {
      name: counted("Buy one ) OR ( get one", literal.total),
    });
    await value.check();
    await expect.poll(async () => (await readPager(page)).total).toBe(literal.total);
    await expect(panel(page).getByRole("checkbox", { name: /^Spring launch \(0\)/ })).toBeVisible();
    await expect(
      page.getByRole("listitem").filter({ hasText: "Campaign: Buy one ) OR ( get one" }),
    ).toBeVisible();
  });

  test("a category searches within itself and below, kept in the URL", async ({ page, sandbox }) => {
    await page.goto(`/categories/${MARKETING}`);
    await expect(page.getByRole("heading", { name: "Marketing", level: 1 })).toBeVisible();
    const only = `CategoryIds/ANY(c: c EQ '${MARKETING}')`;
    const below = `(CategoryIds/ANY(c: c EQ '${MARKETING}') OR CategoryAncestorIds/ANY(c: c EQ '${MARKETING}'))`;
    const inside = await facetsFromApi(page, sandbox, { containerFilter: only });
    const underneath = await facetsFromApi(page, sandbox, { containerFilter: below });
    expect(underneath.total).toBeGreaterThan(inside.total);

    await page.getByRole("radio", { name: "This category and below" }).check();
    await expect(page).toHaveURL(/scope=below/);
    await expect.poll(async () => (await readPager(page)).total).toBe(underneath.total);

    // The type most of them have, so that the filter narrows to something.
    const [type, count] =
      Object.entries(underneath.counts.get("assetType") ?? {}).sort((x, y) => y[1] - x[1])[0] ?? [];
    expect(count).toBeGreaterThan(0);
    const images = await facetsFromApi(page, sandbox, {
      containerFilter: below,
      filters: `(AssetType EQ '${type}')`,
    });
    await panel(page)
      .getByRole("checkbox", { name: counted(type ?? "", count) })
      .check();
    await expect.poll(async () => (await readPager(page)).total).toBe(images.total);
    expect(images.total).toBe(count);

    await page.reload();
    await expect(page.getByRole("radio", { name: "This category and below" })).toBeChecked();
    await expect.poll(async () => (await readPager(page)).total).toBe(images.total);
  });

  test("a saved search survives a reload and reopens the exact view; pin, rename and delete", async ({
    page,
  }) => {
    const name = `Videos ${Date.now()}`;
    const view = "/assets?search=teaser&type=video&sort=title";
    await page.goto(view);
    await expect(grid(page).locator("img").first()).toBeVisible();
    const total = (await readPager(page)).total;

    await page.getByLabel("Name for this search").fill(name);
    await page.getByRole("button", { name: "Save this search" }).click();
    const saved = page.getByRole("region", { name: "Saved searches" });
    await expect(saved.getByRole("status").filter({ hasText: `Saved “${name}”.` })).toBeVisible();

    await page.reload();
    await page.goto("/assets");
    await saved.getByRole("link", { name }).click();
    await expect(page).toHaveURL(view);
    await expect(page.getByLabel("Search assets")).toHaveValue("teaser");
    await expect(panel(page).getByRole("checkbox", { name: /^Video/ })).toBeChecked();
    await expect.poll(async () => (await readPager(page)).total).toBe(total);

    await saved.getByRole("button", { name: `Pin ${name}` }).click();
    await expect(saved.getByRole("button", { name: `Unpin ${name}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await saved.getByRole("button", { name: `Rename ${name}` }).click();
    await saved.getByLabel(`New name for ${name}`).fill(`${name} renamed`);
    await saved.getByRole("button", { name: "Rename", exact: true }).click();
    await expect(saved.getByRole("link", { name: `${name} renamed` })).toBeVisible();
    await saved.getByRole("button", { name: `Delete ${name} renamed` }).click();
    await expect(saved.getByRole("status").filter({ hasText: `Deleted “${name} renamed”.` })).toBeVisible();
    await expect(saved.getByRole("link", { name: `${name} renamed` })).toHaveCount(0);
  });

  test("the filter panel has no serious axe violations, light or dark", async ({ page }) => {
    await page.goto("/assets?type=audio");
    await expect(panel(page).getByRole("checkbox", { name: /^Image \(0\)/ })).toBeVisible();
    await panel(page)
      .locator("summary", { hasText: /^Campaign$/ })
      .click();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page })
        .include(".filter-layout aside")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map(
          (violation) =>
            `${colorScheme}: ${violation.id} ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      expect(serious).toEqual([]);
    }
  });
});
