import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AssetGrid, type AssetTile, type TileSelection } from "../../../src/components/AssetGrid";

const tile = (n: number): AssetTile => ({
  id: `a${n}`,
  title: `Asset ${n}`,
  thumbnailUrl: "",
  alt: "",
  kind: "Image",
  href: `/assets/a${n}`,
});
const tiles = [1, 2, 3, 4, 5, 6, 7].map(tile);

function renderGrid(props: Partial<Parameters<typeof AssetGrid>[0]> = {}) {
  const history = createMemoryHistory();
  history.set({ value: "/assets" });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/assets" component={() => <AssetGrid tiles={tiles} {...props} />} />
    </MemoryRouter>
  ));
  return screen.getAllByRole("link");
}

/** Lays the tiles out `columns` wide, as the browser would; jsdom has no layout of its own. */
function layOut(links: HTMLElement[], columns: number) {
  links.forEach((link, index) => {
    vi.spyOn(link, "getBoundingClientRect").mockReturnValue(
      new DOMRect((index % columns) * 200, Math.floor(index / columns) * 200, 200, 200),
    );
  });
}

describe("AssetGrid's links", () => {
  afterEach(() => cleanup());

  it("lead to each asset under the app's base path, and a click opens it in place", async () => {
    const user = userEvent.setup();
    const history = createMemoryHistory();
    history.set({ value: "/valet/assets" });
    render(() => (
      <MemoryRouter history={history} base="/valet">
        <Route path="/assets" component={() => <AssetGrid tiles={tiles} />} />
        <Route path="/assets/:id" component={() => <p>Asset page</p>} />
      </MemoryRouter>
    ));
    const links = screen.getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(tiles.map((t) => `/valet${t.href}`));
    await user.click(links[2]!);
    expect(await screen.findByText("Asset page")).toBeTruthy();
    expect(history.get()).toBe("/valet/assets/a3");
  });
});

describe("AssetGrid from the keyboard", () => {
  afterEach(() => cleanup());

  it("is one tab stop: only the first tile's link is in the tab order, and the checkboxes are not", () => {
    const selection: TileSelection = { isSelected: () => false, onToggle: () => undefined };
    const links = renderGrid({ selection });
    expect(links.map((link) => link.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    expect(screen.getAllByRole("checkbox").every((box) => box.tabIndex === -1)).toBe(true);
  });

  it("moves with the arrows by the columns laid out now, and Home and End go to the ends", async () => {
    const user = userEvent.setup();
    const links = renderGrid();
    layOut(links, 3);
    links[0]?.focus();
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(links[1]);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(links[4]);
    expect(links.map((link) => link.tabIndex).indexOf(0)).toBe(4);

    // The window narrows: two columns now, and Down follows them.
    layOut(links, 2);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(links[6]);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(links[0]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(links[6]);
  });

  it("Space selects the focused tile, Shift+Space extends, and the checkbox follows", async () => {
    const user = userEvent.setup();
    const [chosen, setChosen] = createSignal<string[]>([]);
    const onToggle = vi.fn((picked: AssetTile, _index: number, _extend: boolean) =>
      setChosen((ids) => [...ids, picked.id]),
    );
    const links = renderGrid({ selection: { isSelected: (id) => chosen().includes(id), onToggle } });
    links[0]?.focus();
    await user.keyboard(" ");
    await user.keyboard("{ArrowRight}{ArrowRight}{Shift>} {/Shift}");
    expect(onToggle.mock.calls.map(([picked, index, extend]) => [picked.id, index, extend])).toEqual([
      ["a1", 0, false],
      ["a3", 2, true],
    ]);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Select Asset 1" }).checked).toBe(true);
    expect(document.activeElement).toBe(links[2]);
  });

  it("tells that a tile opens, on Enter as on a click", async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const links = renderGrid({ onOpen });
    links[0]?.focus();
    await user.keyboard("{ArrowRight}{Enter}");
    expect(onOpen).toHaveBeenCalledWith(tiles[1], 1, expect.any(Number));
  });

  it("coming back focuses the tile left from, once", async () => {
    // jsdom lays nothing out, so it has no scrolling of its own.
    Element.prototype.scrollIntoView = vi.fn();
    const onReturned = vi.fn();
    const links = renderGrid({ returnTo: { id: "a5", top: 0 }, onReturned });
    await vi.waitFor(() => expect(document.activeElement).toBe(links[4]));
    expect(links[4]?.tabIndex).toBe(0);
    expect(onReturned).toHaveBeenCalledTimes(1);
  });
});
