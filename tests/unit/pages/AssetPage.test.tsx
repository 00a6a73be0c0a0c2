import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, PatchRefusedError, type AssetKeyword } from "../../../src/api";
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

function renderAsset(asset = testAsset()) {
  const api = createFakeApi();
  api.getAsset.mockResolvedValue(asset);
  api.getAssetKeywords.mockResolvedValue([{ id: "k1", keywordName: "sea" }]);
  api.getAssetCategories.mockResolvedValue([
    { id: "c1", name: "Boats", parentId: "r", tree: { path: "Root\\Travel\\Boats" } },
  ]);
  api.getAssetAttributes.mockResolvedValue({ at1: "CC BY", at2: "" });
  api.listAttributes.mockResolvedValue([{ id: "at1", name: "Licence", attributeType: "Text" }]);
  // The Sharing and Activity panels (tested on their own in AssetSharing/AssetActivity tests) start empty.
  api.listDirectLinks.mockResolvedValue([]);
  api.listComments.mockResolvedValue([]);
  api.getHistory.mockResolvedValue([]);
  api.listRelatedAssets.mockResolvedValue([]);
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

  it("shows a placeholder and no download link when the asset has no usable media links", async () => {
    // What the API client hands over after dropping a javascript: thumb and a remote http download.
    renderAsset(testAsset({ media: { type: "Image" } }));
    expect(await screen.findByRole("img", { name: "No preview of Harbour at dawn" })).toBeTruthy();
    expect(screen.getByText("MediaValet gave no download link for this file.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /^Download/ })).toBeNull();
  });

  it("after MediaValet refuses one field, names it, shows the others as saved and keeps the typed text", async () => {
    const api = renderAsset();
    const titleOperation = { op: "replace" as const, path: "/title", value: "Harbour, 2026" };
    const altOperation = { op: "replace" as const, path: "/altText", value: "Fishing boats in fog" };
    api.patchAsset.mockRejectedValue(
      new PatchRefusedError(
        [{ operation: titleOperation, message: "The title may not contain a comma." }],
        [altOperation],
        testAsset({ altText: "Fishing boats in fog" }),
      ),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Harbour, 2026");
    await user.type(screen.getByLabelText("Alt text"), " in fog");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("alert")).textContent).toMatch(/^MediaValet did not save Title\./);
    const title = screen.getByLabelText("Title") as HTMLInputElement;
    expect(title.value).toBe("Harbour, 2026");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(title.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "✗ Not saved: The title may not contain a comma.",
    );
    expect(document.activeElement).toBe(title);
    const alt = screen.getByLabelText("Alt text") as HTMLTextAreaElement;
    expect(alt.value).toBe("Fishing boats in fog");
    expect(alt.getAttribute("aria-invalid")).toBeNull();
    expect(alt.getAttribute("aria-describedby")).toMatch(/-altText-outcome$/);
    expect(screen.getByText("Saved: Alt text.")).toBeTruthy();
    // On show: what MediaValet now has, not what was typed.
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Harbour at dawn");

    // Saving again sends only what is still different from MediaValet's copy.
    api.patchAsset.mockResolvedValue(testAsset({ title: "Harbour 2026", altText: "Fishing boats in fog" }));
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Harbour 2026");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(api.patchAsset).toHaveBeenLastCalledWith("a1", [
      { op: "replace", path: "/title", value: "Harbour 2026" },
    ]);
    expect(await screen.findByText("Your changes are saved.")).toBeTruthy();
  });

  it("when a refusal names no field and no asset comes back, re-reads the asset to learn what was kept", async () => {
    const api = renderAsset();
    api.patchAsset.mockRejectedValue(
      new PatchRefusedError([{ operation: undefined, message: "Operation refused." }], [], undefined),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await user.type(screen.getByLabelText("Description"), " and gulls");
    await user.type(screen.getByLabelText("Alt text"), " in fog");
    api.getAsset.mockResolvedValue(testAsset({ description: "Boats in the harbour and gulls" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("alert")).textContent).toMatch(/^MediaValet did not save Alt text\./);
    expect(screen.getByText("Saved: Description.")).toBeTruthy();
    expect((screen.getByLabelText("Alt text") as HTMLTextAreaElement).value).toBe("Fishing boats in fog");
  });
});

describe("AssetPage keywords, which MediaValet applies a little after it answers 202", () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  const sea: AssetKeyword = { id: "k1", keywordName: "sea" };
  const lighthouse: AssetKeyword = { id: "k2", keywordName: "lighthouse" };

  async function addLighthouse() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = renderAsset();
    api.addAssetKeywords.mockResolvedValue(undefined);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.type(await screen.findByLabelText("Add keyword"), "lighthouse");
    await user.click(screen.getByRole("button", { name: "Add" }));
    await vi.waitFor(() => expect(api.addAssetKeywords).toHaveBeenCalledWith("a1", ["lighthouse"]));
    return { api, user };
  }

  it("shows a new keyword as pending, in words, until a re-read lists it", async () => {
    const { api } = await addLighthouse();
    const chip = screen.getByText("lighthouse").closest("li");
    expect(chip?.textContent).toContain("pending");
    expect(screen.getByRole("button", { name: "Remove pending keyword lighthouse" })).toBeTruthy();

    // Not listed at the first re-read, listed at the second.
    api.getAssetKeywords.mockResolvedValueOnce([sea]).mockResolvedValue([sea, lighthouse]);
    await vi.advanceTimersByTimeAsync(500);
    expect(screen.getByText("lighthouse").closest("li")?.textContent).toContain("pending");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() =>
      expect(screen.getByRole("button", { name: "Remove keyword lighthouse" })).toBeTruthy(),
    );
    expect(screen.getByText("lighthouse").closest("li")?.textContent).not.toContain("pending");

    // Listed: the re-reads stop.
    const reads = api.getAssetKeywords.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.getAssetKeywords.mock.calls.length).toBe(reads);
  });

  it("removes a pending keyword once MediaValet lists it, with the id it lists", async () => {
    const { api, user } = await addLighthouse();
    api.removeAssetKeyword.mockResolvedValue(undefined);
    api.getAssetKeywords.mockResolvedValue([sea]);
    await user.click(screen.getByRole("button", { name: "Remove pending keyword lighthouse" }));
    expect(screen.queryByText("lighthouse")).toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.removeAssetKeyword).not.toHaveBeenCalled();

    api.getAssetKeywords.mockResolvedValue([sea, lighthouse]);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(api.removeAssetKeyword).toHaveBeenCalledWith("a1", "k2"));
    // Listed but on its way out: it stays hidden until MediaValet stops listing it.
    expect(screen.queryByText("lighthouse")).toBeNull();
    api.getAssetKeywords.mockResolvedValue([sea]);
    await vi.advanceTimersByTimeAsync(500);
    expect(screen.queryByText("lighthouse")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("gives up after about 30 seconds and says the keyword may still appear", async () => {
    const { api } = await addLighthouse();
    api.getAssetKeywords.mockResolvedValue([sea]);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(screen.queryByRole("alert")).toBeNull();
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await screen.findByRole("alert")).textContent).toMatch(/“lighthouse”.*may still appear/);
    expect(api.getAssetKeywords.mock.calls.length).toBe(1 + 6);
  });

  it("stops re-reading when the page goes away", async () => {
    const { api } = await addLighthouse();
    api.getAssetKeywords.mockResolvedValue([sea]);
    await vi.advanceTimersByTimeAsync(500);
    const reads = api.getAssetKeywords.mock.calls.length;
    cleanup();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.getAssetKeywords.mock.calls.length).toBe(reads);
  });
});
