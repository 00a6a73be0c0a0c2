import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import AssetPage from "../../../src/pages/AssetPage";
import { createFakeApi, testAsset } from "./fakeApi";

/** A promise the test settles by hand, to look at the page while a request is in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderAsset() {
  const api = createFakeApi();
  api.getAsset.mockResolvedValue(testAsset());
  api.getAssetKeywords.mockResolvedValue([{ id: "k1", keywordName: "sea" }]);
  api.getAssetCategories.mockResolvedValue([
    { id: "c1", name: "Boats", parentId: "r", tree: { path: "Root\\Travel\\Boats" } },
  ]);
  api.getAssetAttributes.mockResolvedValue({ at1: "CC BY", at2: "" });
  api.listAttributes.mockResolvedValue([{ id: "at1", name: "Licence", attributeType: "Text" }]);
  const history = createMemoryHistory();
  history.set({ value: "/assets/a1" });
  render(() => (
    <ApiContext.Provider value={api}>
      <MemoryRouter history={history}>
        <Route path="/assets/:id" component={AssetPage} />
      </MemoryRouter>
    </ApiContext.Provider>
  ));
  return api;
}

describe("AssetPage", () => {
  afterEach(() => cleanup());

  it("shows the asset's facts, keywords, categories and attributes", async () => {
    renderAsset();
    expect(await screen.findByRole("heading", { level: 1, name: "Harbour at dawn" })).toBeTruthy();
    expect(screen.getByTestId("asset-description").textContent).toBe("Boats in the harbour");
    expect(screen.getByText("6000 × 4000 px")).toBeTruthy();
    expect(screen.getByText("2.4 MB")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Remove keyword sea" })).toBeTruthy();
    expect((await screen.findByRole("link", { name: "Root › Travel › Boats" })).getAttribute("href")).toBe(
      "/categories/c1",
    );
    expect(await screen.findByText("Licence")).toBeTruthy();
    expect(screen.getByText("CC BY")).toBeTruthy();
    const preview = screen.getByRole("img", { name: "Fishing boats" });
    expect(preview.getAttribute("loading")).toBe("lazy");
    expect([preview.getAttribute("width"), preview.getAttribute("height")]).toEqual(["960", "640"]);
  });

  it("shows an edited title at once and sends only the changed field as JSON Patch", async () => {
    const api = renderAsset();
    const saving = deferred<undefined>();
    api.patchAsset.mockReturnValue(saving.promise);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Harbour at dusk");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Harbour at dusk");
    expect(api.patchAsset).toHaveBeenCalledWith("a1", [
      { op: "replace", path: "/title", value: "Harbour at dusk" },
    ]);
    saving.resolve(undefined);
    expect(await screen.findByText("Your changes are saved.")).toBeTruthy();
    expect(screen.getByTestId("asset-title").textContent).toBe("Harbour at dusk");
  });

  it("after a failed save, puts the old text back on show and keeps everything typed in the form", async () => {
    const api = renderAsset();
    api.patchAsset.mockRejectedValue(
      new ApiError("server_error", "MediaValet had a problem answering (500)."),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "A title I typed");
    await user.type(screen.getByLabelText("Alt text"), " in fog");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Your changes were not saved. MediaValet had a problem answering (500).",
    );
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("A title I typed");
    expect((screen.getByLabelText("Alt text") as HTMLTextAreaElement).value).toBe("Fishing boats in fog");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Harbour at dawn");
  });

  it("adds a keyword at once, and gives the text back when MediaValet refuses it", async () => {
    const api = renderAsset();
    const adding = deferred<void>();
    api.addAssetKeywords.mockReturnValue(adding.promise);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Add keyword"), "lighthouse");
    await user.click(screen.getByRole("button", { name: "Add" }));

    expect(screen.getByText("lighthouse")).toBeTruthy();
    expect((screen.getByLabelText("Add keyword") as HTMLInputElement).value).toBe("");
    adding.reject(new ApiError("server_error", "MediaValet had a problem answering (500)."));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not add “lighthouse”: MediaValet had a problem answering (500).",
    );
    expect(screen.queryByText("lighthouse")).toBeNull();
    expect((screen.getByLabelText("Add keyword") as HTMLInputElement).value).toBe("lighthouse");
  });

  it("removes a keyword by its id, and brings it back if the removal fails", async () => {
    const api = renderAsset();
    api.removeAssetKeyword.mockRejectedValueOnce(new ApiError("forbidden", "Not allowed (403)."));
    api.removeAssetKeyword.mockResolvedValueOnce(undefined);
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Remove keyword sea" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Could not remove “sea”: Not allowed (403).");
    expect(screen.getByText("sea")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Remove keyword sea" }));
    await expect.poll(() => screen.queryByText("sea")).toBeNull();
    expect(api.removeAssetKeyword).toHaveBeenLastCalledWith("a1", "k1");
  });

  it("refuses a keyword the asset already has, without a request", async () => {
    const api = renderAsset();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Add keyword"), "SEA");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect((await screen.findByRole("alert")).textContent).toBe("“SEA” is already a keyword of this asset.");
    expect(api.addAssetKeywords).not.toHaveBeenCalled();
  });
});
