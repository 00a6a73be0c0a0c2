import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Facet } from "../../../src/api";
import { FilterPanel } from "../../../src/components/FilterPanel";
import { applyToggle, filterGroups } from "../../../src/pages/filters/filterGroups";
import { NO_FILTERS, type FilterState } from "../../../src/pages/filters/FilterState";

const CAMPAIGN = "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06";

const facets: Facet[] = [
  { facetName: "assetType", facets: { Image: 12, Video: 3, Audio: 0, Document: 1, Other: 0 } },
  { facetName: "imageFileExtension", facets: { JPG: 10, PNG: 2, MP3: 0 } },
  { facetName: "status", facets: { "0": 14, "2": 2, "5": 0, "7": 0, "9": 0 } },
  { facetName: "averageRating", facets: { "0": 4, "1": 1, "2": 2, "3": 3, "4": 4, "5": 2 } },
  { facetName: "createdBy", facets: { demo: 10, alex: 6 } },
  { facetName: "dateUploaded", facets: { "2024": 9, "2025": 7 } },
  { facetName: "dateApproved", facets: { "2025": 14 } },
  { facetName: CAMPAIGN, facets: { "Buy one ) OR ( get one": 2, "Spring launch": 0 } },
];

const attributes = [
  { id: CAMPAIGN, name: "Campaign", attributeType: "Options" },
  { id: "notes", name: "Notes", attributeType: "Text" },
];

function renderPanel(state: FilterState = NO_FILTERS, counts: Facet[] | "none" = facets) {
  const onToggle = vi.fn();
  const onRange = vi.fn();
  render(() => (
    <FilterPanel
      groups={filterGroups(state, counts === "none" ? undefined : counts, attributes)}
      busy={false}
      onToggle={onToggle}
      onRange={onRange}
    />
  ));
  return { onToggle, onRange };
}

describe("FilterPanel", () => {
  afterEach(cleanup);

  it("shows every asset type, extension, status and uploader with its count for the search", () => {
    renderPanel();
    for (const name of [
      "Image (12)",
      "Video (3)",
      "Document (1)",
      "Jpg (10)",
      "Approved (14)",
      "demo (10)",
    ]) {
      expect(
        screen.getByRole("checkbox", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`, "i") }),
      ).toBeTruthy();
    }
    expect(screen.getByRole("checkbox", { name: /^Other \(0\)/ })).toBeTruthy();
  });

  it("says a zero count in words as well as dimming it", () => {
    renderPanel();
    const audio = screen.getByRole("checkbox", { name: /^Audio/ });
    expect(audio.closest("label")?.textContent).toMatch(/^Audio \(0\)\s*none in this search$/);
    expect(audio.closest("li")?.classList.contains("facet-zero")).toBe(true);
    expect(
      screen
        .getByRole("checkbox", { name: /^Image/ })
        .closest("li")
        ?.classList.contains("facet-zero"),
    ).toBe(false);
  });

  it("counts a minimum rating as every asset at or above it", () => {
    renderPanel();
    expect(screen.getByRole("radio", { name: /^4 stars and up \(6\)/ })).toBeTruthy();
    expect(screen.getByRole("radio", { name: /^1 star and up \(12\)/ })).toBeTruthy();
    expect((screen.getByRole("radio", { name: "Any rating" }) as HTMLInputElement).checked).toBe(true);
  });

  it("shows no counts before the first ones arrive, and keeps chosen values the search no longer has", () => {
    renderPanel({ ...NO_FILTERS, extensions: ["tif"] }, "none");
    expect(screen.getByRole("checkbox", { name: "Image" })).toBeTruthy();
    expect((screen.getByRole("checkbox", { name: "tif" }) as HTMLInputElement).checked).toBe(true);
  });

  it("keeps its boxes (and the focus in them) when the counts arrive or a box is ticked", async () => {
    const [state, setState] = createSignal<FilterState>(NO_FILTERS);
    const [counts, setCounts] = createSignal<Facet[] | undefined>(undefined);
    const onToggle = vi.fn((group: string, value: string, on: boolean) =>
      setState((now) => applyToggle(now, group, value, on)),
    );
    render(() => (
      <FilterPanel
        groups={filterGroups(state(), counts(), attributes)}
        busy={false}
        onToggle={onToggle}
        onRange={() => undefined}
      />
    ));
    const video = screen.getByRole("checkbox", { name: "Video" });
    video.focus();

    setCounts(facets);
    expect(screen.getByRole("checkbox", { name: /^Video \(3\)/ })).toBe(video);
    expect(document.activeElement).toBe(video);
    const year = screen.getByRole("button", { name: /^2024 \(9\)/ });
    setCounts(facets.map((facet) => ({ ...facet })));
    expect(screen.getByRole("button", { name: /^2024 \(9\)/ })).toBe(year);

    await userEvent.setup().keyboard(" ");
    expect(onToggle).toHaveBeenLastCalledWith("type", "Video", true);
    expect(document.activeElement).toBe(video);
    expect((video as HTMLInputElement).checked).toBe(true);
  });

  it("reports ticks, and a year as a whole-year range", async () => {
    const { onToggle, onRange } = renderPanel({ ...NO_FILTERS, types: ["Image"] });
    const user = userEvent.setup();
    expect((screen.getByRole("checkbox", { name: /^Image/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: /^Video/ }));
    expect(onToggle).toHaveBeenLastCalledWith("type", "Video", true);
    await user.click(screen.getByRole("checkbox", { name: /^Image/ }));
    expect(onToggle).toHaveBeenLastCalledWith("type", "Image", false);
    await user.click(screen.getByRole("button", { name: /^2024 \(9\)/ }));
    expect(onRange).toHaveBeenLastCalledWith("uploaded", "2024-01-01", "2024-12-31");
  });

  it("lists select attributes by name, folded, with their values literally", async () => {
    const { onToggle } = renderPanel();
    expect(screen.queryByText("Notes")).toBeNull();
    await userEvent.setup().click(screen.getByText("Campaign", { selector: "summary" }));
    await userEvent.setup().click(screen.getByRole("checkbox", { name: /^Buy one \) OR \( get one \(2\)/ }));
    expect(onToggle).toHaveBeenLastCalledWith(`attr:${CAMPAIGN}`, "Buy one ) OR ( get one", true);
  });
});
