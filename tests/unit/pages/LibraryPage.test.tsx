import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import LibraryPage from "../../../src/pages/LibraryPage";
import { createFakeApi, testAsset, testPage } from "./fakeApi";

function renderLibrary(api = createFakeApi(), path = "/assets") {
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <ApiContext.Provider value={api}>
      <MemoryRouter history={history}>
        <Route path="/assets" component={LibraryPage} />
      </MemoryRouter>
    </ApiContext.Provider>
  ));
  return { api, history };
}

const assets = Array.from({ length: 3 }, (_, index) =>
  testAsset({ id: `a${index}`, title: `Asset ${index}` }),
);

describe("LibraryPage", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("shows the results for the search in the URL", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage(assets, 120, 50));
    renderLibrary(api, "/assets?search=boat&type=video&sort=title&offset=50");

    expect(await screen.findByText("Asset 2")).toBeTruthy();
    expect(api.searchAssets.mock.calls[0]?.[0]).toEqual({
      search: "boat",
      filters: "(AssetType EQ 'Video')",
      sort: "title A",
      count: 50,
      offset: 50,
    });
    expect((screen.getByLabelText("Search assets") as HTMLInputElement).value).toBe("boat");
    expect((screen.getByRole("checkbox", { name: /^Video/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Sort by") as HTMLSelectElement).value).toBe("title");
    expect(screen.getByTestId("pager-status").textContent).toBe("Showing 51–53 of 120 · page 2 of 3");
    expect(screen.getByRole("link", { name: /Asset 0/ }).getAttribute("href")).toBe("/assets/a0");
  });

  it("asks for the results alone first; counts, definitions, saved searches and permissions once they are in", async () => {
    const api = createFakeApi();
    let answer: (page: ReturnType<typeof testPage>) => void = () => {};
    api.searchAssets.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderLibrary(api);
    await expect.poll(() => api.searchAssets.mock.calls.length).toBe(1);
    expect(api.getFacets).not.toHaveBeenCalled();
    expect(api.listAttributes).not.toHaveBeenCalled();
    expect(api.listSavedSearches).not.toHaveBeenCalled();
    expect(api.getCurrentPermissions).not.toHaveBeenCalled();

    answer(testPage(assets));
    expect(await screen.findByText("Asset 0")).toBeTruthy();
    await expect.poll(() => api.getFacets.mock.calls.length).toBe(1);
    expect(api.listAttributes).toHaveBeenCalledTimes(1);
    expect(api.listSavedSearches).toHaveBeenCalledTimes(1);
    expect(api.getCurrentPermissions).toHaveBeenCalled();
  });

  it("puts the results in the page before it builds the rest and asks for it", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage(assets));
    // What had been asked for when the first tile came into the page (observers run right after that change).
    let askedWhenShown: number | undefined;
    const observer = new MutationObserver(() => {
      if (askedWhenShown === undefined && screen.queryByText("Asset 0")) {
        askedWhenShown = api.getFacets.mock.calls.length + api.getCurrentPermissions.mock.calls.length;
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    renderLibrary(api);
    await screen.findByText("Asset 0");
    observer.disconnect();
    expect(askedWhenShown).toBe(0);
    await expect.poll(() => api.getFacets.mock.calls.length).toBe(1);
    expect(api.getCurrentPermissions).toHaveBeenCalled();
  });

  it("asks for the rest after a failed search too, so the filters still work", async () => {
    const api = createFakeApi();
    api.searchAssets.mockRejectedValue(
      new ApiError("server_error", "MediaValet had a problem answering (503)."),
    );
    renderLibrary(api);
    await screen.findByText("The library could not be loaded");
    await expect.poll(() => api.getFacets.mock.calls.length).toBe(1);
    expect(api.listSavedSearches).toHaveBeenCalledTimes(1);
  });

  it("searches on submit only, not per keystroke, and puts the search in the URL", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage(assets));
    const { history } = renderLibrary(api);
    await screen.findByText("Asset 0");
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Search assets"), "red car");
    expect(api.searchAssets).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Search" }));

    await expect.poll(() => history.get()).toBe("/assets?search=red+car");
    await expect.poll(() => api.searchAssets.mock.calls.length).toBe(2);
    expect(api.searchAssets.mock.calls[1]?.[0]).toMatchObject({ search: "red car", offset: 0 });
  });

  it("starts from the first page when the type or sort changes", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage(assets, 120, 50));
    const { history } = renderLibrary(api, "/assets?offset=50");
    await screen.findByText("Asset 0");
    const user = userEvent.setup();

    await user.click(screen.getByRole("checkbox", { name: /^Image/ }));
    await expect.poll(() => history.get()).toBe("/assets?type=image");
    await user.selectOptions(screen.getByLabelText("Sort by"), "oldest");
    await expect.poll(() => history.get()).toBe("/assets?type=image&sort=oldest");
    await expect
      .poll(() => api.searchAssets.mock.calls.at(-1)?.[0])
      .toMatchObject({
        filters: "(AssetType EQ 'Image')",
        sort: "record.createdAt A",
        offset: 0,
      });
  });

  it("pages through the URL and starts the new page at the top", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage(assets, 100));
    const { history } = renderLibrary(api, "/assets?search=sea");
    await screen.findByText("Asset 0");

    const scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => {});

    await userEvent.setup().click(screen.getByRole("button", { name: "Last" }));
    await expect.poll(() => history.get()).toBe("/assets?search=sea&offset=50");
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });

  it("says so when nothing matches", async () => {
    const api = createFakeApi();
    api.searchAssets.mockResolvedValue(testPage([]));
    renderLibrary(api, "/assets?search=zzz");
    expect(
      await screen.findByText("No assets match this search. Try other words or fewer filters."),
    ).toBeTruthy();
  });

  it("shows a failure with Try again, which fetches again", async () => {
    const api = createFakeApi();
    api.searchAssets.mockRejectedValueOnce(
      new ApiError("server_error", "MediaValet had a problem answering (500)."),
    );
    api.searchAssets.mockResolvedValue(testPage(assets));
    renderLibrary(api);

    expect((await screen.findByRole("alert")).textContent).toBe("MediaValet had a problem answering (500).");
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Asset 0")).toBeTruthy();
    expect(api.searchAssets).toHaveBeenCalledTimes(2);
  });
});
