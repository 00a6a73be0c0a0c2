import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SelectionBar } from "../../../src/components/SelectionBar";

afterEach(cleanup);

function renderBar(count: number, total = 1500) {
  const handlers = { onAction: vi.fn(), onSelectPage: vi.fn(), onSelectAll: vi.fn(), onClear: vi.fn() };
  render(() => (
    <SelectionBar
      count={count}
      limit={1000}
      total={total}
      actions={[{ id: "addKeywords", label: "Add keywords" }]}
      {...handlers}
    >
      <button type="button">Download</button>
    </SelectionBar>
  ));
  return handlers;
}

describe("SelectionBar", () => {
  it("offers selecting, but no actions, while nothing is selected", () => {
    renderBar(0);
    expect(screen.getByRole("status").textContent).toBe("0 selected");
    expect(screen.getByRole("button", { name: "Select this page" })).not.toBeNull();
    expect(screen.queryByRole("button", { name: "Add keywords" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Download" })).toBeNull();
  });

  it("caps Select all at the limit, and hands each action, the slot and Clear to the page", async () => {
    const handlers = renderBar(3);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Select all 1000 results" }));
    await user.click(screen.getByRole("button", { name: "Add keywords" }));
    await user.click(screen.getByRole("button", { name: "Clear selection" }));

    expect(handlers.onSelectAll).toHaveBeenCalledOnce();
    expect(handlers.onAction).toHaveBeenCalledWith("addKeywords");
    expect(handlers.onClear).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Download" })).not.toBeNull();
  });

  it("says why an action is not offered instead of showing a button for it, each reason once", () => {
    const refusal = "Your MediaValet account may not change this asset's keywords.";
    render(() => (
      <SelectionBar
        count={2}
        limit={1000}
        actions={[
          { id: "addKeywords", label: "Add keywords", notPermitted: refusal },
          { id: "removeKeywords", label: "Remove keywords", notPermitted: refusal },
          { id: "exportCsv", label: "Export CSV" },
        ]}
        onAction={vi.fn()}
        onSelectPage={vi.fn()}
        onSelectAll={vi.fn()}
        onClear={vi.fn()}
      />
    ));

    expect(screen.queryByRole("button", { name: "Add keywords" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove keywords" })).toBeNull();
    expect(screen.getByRole("button", { name: "Export CSV" })).not.toBeNull();
    expect(screen.getAllByText(/not offered/).map((line) => line.textContent)).toEqual([
      `Add keywords and Remove keywords not offered: ${refusal}`,
    ]);
  });
});
