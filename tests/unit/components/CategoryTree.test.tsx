import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { CategoryTree, type TreeItem } from "../../../src/components/CategoryTree";

const leaf = (id: string, name: string): TreeItem => ({ id, name, href: `/categories/${id}`, children: [] });
const items: TreeItem[] = [
  {
    id: "r",
    name: "Root",
    href: "/categories/r",
    count: 212,
    children: [{ ...leaf("m", "Marketing"), children: [leaf("c", "Campaigns")] }, leaf("t", "Travel")],
  },
];

function renderTree(openIds: string[], path = "/categories/m") {
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/categories/:id" component={() => <CategoryTree items={items} openIds={openIds} />} />
    </MemoryRouter>
  ));
}

describe("CategoryTree", () => {
  afterEach(() => cleanup());

  it("opens the given branches and marks the current category's link", async () => {
    renderTree(["r"]);
    const marketing = await screen.findByRole("link", { name: "Marketing" });
    expect(marketing.getAttribute("aria-current")).toBe("page");
    expect(
      screen.getByRole("button", { name: "Root: hide subcategories" }).getAttribute("aria-expanded"),
    ).toBe("true");
    expect(
      screen.getByRole("button", { name: "Marketing: show subcategories" }).getAttribute("aria-expanded"),
    ).toBe("false");
    // A closed branch is hidden from everyone, but its list exists for aria-controls.
    expect(screen.queryByRole("link", { name: "Campaigns" })).toBeNull();
    expect(document.getElementById("tree-m")?.hidden).toBe(true);
  });

  it("opens and closes a branch from the keyboard", async () => {
    renderTree(["r"]);
    const user = userEvent.setup();
    const toggle = await screen.findByRole("button", { name: "Marketing: show subcategories" });
    toggle.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("link", { name: "Campaigns" })).toBeTruthy();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await user.keyboard(" ");
    expect(screen.queryByRole("link", { name: "Campaigns" })).toBeNull();
  });

  it("lets the person close a branch that the route opened", async () => {
    renderTree(["r", "m"]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Root: hide subcategories" }));
    expect(screen.queryByRole("link", { name: "Marketing" })).toBeNull();
  });
});
