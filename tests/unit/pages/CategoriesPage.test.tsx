import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Category } from "../../../src/api";
import { ApiError } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import CategoriesPage from "../../../src/pages/CategoriesPage";
import { createFakeApi, testAsset, testPage } from "./fakeApi";

const category = (id: string, name: string, parentId: string | null, path: string): Category => ({
  id,
  name,
  parentId,
  tree: { path },
});
const categories = [
  category("r", "Root", null, "Root"),
  category("p", "Photography", "r", "Root\\Photography"),
  category("c", "Coast", "p", "Root\\Photography\\Coast"),
  category("v", "Video", "r", "Root\\Video"),
];

function renderCategories(path: string) {
  const api = createFakeApi();
  api.listCategories.mockResolvedValue(categories);
  api.getCategory.mockImplementation(async (id) => {
    const found = categories.find((entry) => entry.id === id);
    if (!found) throw new ApiError("not_found", "MediaValet has no such item (404).");
    return found;
  });
  api.listCategoryAssets.mockResolvedValue(testPage([testAsset({ id: "a7", title: "Lighthouse" })], 1));
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <ApiContext.Provider value={api}>
      <MemoryRouter history={history}>
        <Route path="/categories/:id?" component={CategoriesPage} />
      </MemoryRouter>
    </ApiContext.Provider>
  ));
  return { api, history };
}

describe("CategoriesPage", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("shows a category's breadcrumb, its place in the tree and its assets", async () => {
    const { api } = renderCategories("/categories/c");
    expect(await screen.findByRole("heading", { level: 1, name: "Coast" })).toBeTruthy();
    const breadcrumb = await screen.findByRole("navigation", { name: "Breadcrumb" });
    await expect
      .poll(() =>
        within(breadcrumb)
          .queryAllByRole("link")
          .map((link) => link.getAttribute("href")),
      )
      .toEqual(["/categories/r", "/categories/p"]);
    expect(within(breadcrumb).getByText("Coast").getAttribute("aria-current")).toBe("page");

    const tree = screen.getByRole("navigation", { name: "Category tree" });
    expect(within(tree).getByRole("link", { name: "Coast" }).getAttribute("aria-current")).toBe("page");
    expect(await screen.findByRole("link", { name: /Lighthouse/ })).toBeTruthy();
    expect(api.listCategoryAssets).toHaveBeenCalledWith(
      "c",
      { count: 50, offset: 0 },
      expect.any(AbortSignal),
    );
  });

  it("asks for the category's assets alone first; counts, definitions, saved searches and permissions once they are shown", async () => {
    const { api } = renderCategories("/categories/c");
    let answer: (page: ReturnType<typeof testPage>) => void = () => {};
    api.listCategoryAssets.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await expect.poll(() => api.listCategoryAssets.mock.calls.length).toBe(1);
    expect(api.getFacets).not.toHaveBeenCalled();
    expect(api.listAttributes).not.toHaveBeenCalled();
    expect(api.listSavedSearches).not.toHaveBeenCalled();
    expect(api.getCurrentPermissions).not.toHaveBeenCalled();

    answer(testPage([testAsset({ id: "a7", title: "Lighthouse" })], 1));
    expect(await screen.findByRole("link", { name: /Lighthouse/ })).toBeTruthy();
    await expect.poll(() => api.getFacets.mock.calls.length).toBe(1);
    expect(api.listAttributes).toHaveBeenCalledTimes(1);
    expect(api.listSavedSearches).toHaveBeenCalledTimes(1);
    expect(api.getCurrentPermissions).toHaveBeenCalled();
  });

  it("asks for a category when none is chosen, and fetches no assets", async () => {
    const { api } = renderCategories("/categories");
    expect(await screen.findByText("Choose a category to see the assets in it.")).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Photography" })).toBeTruthy();
    expect(api.listCategoryAssets).not.toHaveBeenCalled();
  });

  it("says an unknown category could not be loaded, with Try again", async () => {
    renderCategories("/categories/nope");
    expect(await screen.findByRole("heading", { name: "The category could not be loaded" })).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Try again" }).length).toBeGreaterThan(0);
  });

  it("follows the tree to another category", async () => {
    const { history } = renderCategories("/categories/c");
    await screen.findByRole("heading", { level: 1, name: "Coast" });
    await userEvent.setup().click(await screen.findByRole("link", { name: "Video" }));
    await expect.poll(() => history.get()).toBe("/categories/v");
    expect(await screen.findByRole("heading", { level: 1, name: "Video" })).toBeTruthy();
  });
});
