import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { createSelection } from "../../../src/pages/createSelection";
import { SelectionPanel } from "../../../src/pages/SelectionPanel";
import { createFakeApi, type FakeApi } from "./fakeApi";

const EDITS = ["Add keywords", "Remove keywords", "Add to category", "Remove from category", "Set attribute"];

/** The panel with one asset selected, for a person whose permissions `api` answers. */
function renderPanel(api: FakeApi) {
  render(() => {
    const selection = createSelection({ storage: window.sessionStorage, owner: () => undefined });
    selection.add([{ id: "a1", title: "Sunrise" }]);
    return <SelectionPanel api={api} selection={selection} page={undefined} />;
  });
}

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

describe("SelectionPanel, permissions", () => {
  it("offers no edit to a view-only person, and says which permission each group of actions needs", async () => {
    const api = createFakeApi();
    api.getCurrentPermissions.mockResolvedValue(["asset:view"]);
    renderPanel(api);

    expect(
      await screen.findByText(
        /^Add keywords and Remove keywords not offered: .*lacks the asset:editKeywords permission/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/^Add to category and Remove from category not offered: .*asset:assignCategory/),
    ).toBeTruthy();
    expect(screen.getByText(/^Set attribute and Import CSV not offered: .*asset:editMetadata/)).toBeTruthy();
    for (const label of [...EDITS, "Import CSV"]) {
      expect(screen.queryByRole("button", { name: label })).toBeNull();
    }
    // Reading is not editing, and a lightbox's own permissions decide whether it may take assets.
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add to lightbox" })).toBeTruthy();
  });

  it("offers every action to a person with every permission", async () => {
    const api = createFakeApi();
    api.getCurrentPermissions.mockResolvedValue([
      "asset:view",
      "asset:editMetadata",
      "asset:editKeywords",
      "asset:assignCategory",
    ]);
    renderPanel(api);

    await screen.findByRole("button", { name: "Add keywords" });
    for (const label of [...EDITS, "Import CSV"]) {
      expect(screen.getByRole("button", { name: label })).toBeTruthy();
    }
    expect(screen.queryByText(/not offered/)).toBeNull();
  });

  it("leaves the decision to MediaValet when the person's permissions cannot be read", async () => {
    const api = createFakeApi();
    api.getCurrentPermissions.mockRejectedValue(new Error("403"));
    renderPanel(api);

    await Promise.resolve();
    expect(api.getCurrentPermissions).toHaveBeenCalled();
    for (const label of EDITS) {
      expect(screen.getByRole("button", { name: label })).toBeTruthy();
    }
    expect(screen.queryByText(/not offered/)).toBeNull();
  });
});
