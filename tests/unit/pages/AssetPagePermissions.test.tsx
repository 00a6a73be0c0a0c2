import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Asset } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import AssetPage from "../../../src/pages/AssetPage";
import { createFakeApi, testAsset } from "./fakeApi";

/** The asset page for an asset whose `permissions` block is `permissions` (in either of MediaValet's shapes). */
function renderWith(permissions: unknown, userPermissions: string[] = []) {
  const api = createFakeApi();
  const asset = testAsset();
  api.getAsset.mockResolvedValue({
    ...asset,
    media: { ...asset.media, download: "https://media.example/a1/original.jpg" },
    permissions,
  } as Asset);
  api.getAssetKeywords.mockResolvedValue([{ id: "k1", keywordName: "sea" }]);
  api.getAssetCategories.mockResolvedValue([]);
  api.getAssetAttributes.mockResolvedValue({});
  api.listAttributes.mockResolvedValue([]);
  api.getCurrentPermissions.mockResolvedValue(userPermissions);
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

describe("AssetPage, permissions", () => {
  afterEach(() => cleanup());

  it("hides editing and downloading from a view-only person (1.0/1.1 shape) and says why", async () => {
    renderWith({ all: [{ name: "asset:view" }] });
    expect(await screen.findByText(/may not change this asset's details/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Edit details" })).toBeNull();
    expect(await screen.findByText(/may not change this asset's keywords/)).toBeTruthy();
    expect(screen.queryByLabelText("Add keyword")).toBeNull();
    expect(screen.getByRole("list", { name: "Keywords" }).textContent).toContain("sea");
    expect(screen.getByText(/may not download assets/)).toBeTruthy();
  });

  it("offers what the asset's permissions allow (1.2 shape), whatever the person's list says", async () => {
    renderWith(["asset:view", "asset:editMetadata", "asset:editKeywords", "asset:download"], ["asset:view"]);
    expect(await screen.findByRole("button", { name: "Edit details" })).toBeTruthy();
    expect(await screen.findByLabelText("Add keyword")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Download harbour.jpg…" })).toBeTruthy();
  });
});
