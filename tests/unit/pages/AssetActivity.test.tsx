import { MemoryRouter, Route, createMemoryHistory } from "@solidjs/router";
import { cleanup, render, screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, type AssetComment } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import AssetActivity from "../../../src/pages/AssetActivity";
import { createFakeApi, testAsset } from "./fakeApi";

const first: AssetComment = {
  id: "c1",
  comment: "Crop the left edge",
  addedAt: "2026-11-02T08:00:00Z",
  addedBy: { username: "dana", firstName: "Dana", lastName: "Lee" },
};

function renderActivity() {
  const api = createFakeApi();
  api.listComments.mockResolvedValue([first]);
  api.getHistory.mockResolvedValue([
    { date: "2026-11-03T09:00:00Z", type: "DirectLinkCreated", username: "dana", sharedTo: "Website" },
    { date: "2026-11-01T09:00:00Z", type: "Uploaded", username: "sam" },
  ]);
  api.listRelatedAssets.mockResolvedValue([testAsset({ id: "a2", title: "Harbour at noon" })]);
  const history = createMemoryHistory();
  history.set({ value: "/assets/a1" });
  render(() => (
    <ApiContext.Provider value={api}>
      <MemoryRouter history={history}>
        <Route path="/assets/:id" component={() => <AssetActivity assetId="a1" />} />
      </MemoryRouter>
    </ApiContext.Provider>
  ));
  return api;
}

describe("AssetActivity", () => {
  afterEach(() => cleanup());

  it("shows the comments with who wrote them", async () => {
    renderActivity();
    const comments = await screen.findByRole("list", { name: "Comments" });
    expect(comments.textContent).toContain("Crop the left edge");
    expect(comments.textContent).toContain("Dana Lee (dana)");
  });

  it("shows the history as a table of when, what, who and shared to", async () => {
    renderActivity();
    const table = await screen.findByRole("table", { name: "History" });
    const rows = within(table).getAllByRole("row");
    expect(
      rows.map((row) =>
        within(row)
          .queryAllByRole("cell")
          .slice(1)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([[], ["Created a direct link", "dana", "Website"], ["Uploaded", "sam", "—"]]);
  });

  it("shows related assets as tiles that lead to their own page", async () => {
    renderActivity();
    const related = await screen.findByRole("list", { name: "Related assets" });
    expect(
      within(related)
        .getByRole("link", { name: /Harbour at noon/ })
        .getAttribute("href"),
    ).toBe("/assets/a2");
  });

  it("adds a comment from the labelled text box, shows it at once and announces it", async () => {
    const api = renderActivity();
    api.addComment.mockResolvedValue({
      id: "c2",
      comment: "Approved for print",
      addedBy: { username: "dana" },
    });
    const user = userEvent.setup();
    await screen.findByRole("list", { name: "Comments" });
    await user.type(screen.getByLabelText("Add a comment"), "  Approved for print ");
    await user.click(screen.getByRole("button", { name: "Add comment" }));

    expect(api.addComment).toHaveBeenCalledWith("a1", "Approved for print");
    expect((await screen.findByText("Your comment is added.")).getAttribute("role")).toBe("status");
    expect(screen.getByRole("list", { name: "Comments" }).textContent).toContain("Approved for print");
    expect((screen.getByLabelText("Add a comment") as HTMLTextAreaElement).value).toBe("");
    // The history is read again, to show the new "Commented" event.
    expect(api.getHistory).toHaveBeenCalledTimes(2);
  });

  it("asks for text rather than sending an empty comment", async () => {
    const api = renderActivity();
    const user = userEvent.setup();
    await screen.findByRole("list", { name: "Comments" });
    await user.click(screen.getByRole("button", { name: "Add comment" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Write a comment first.");
    expect(api.addComment).not.toHaveBeenCalled();
  });

  it("explains a missing permission and keeps the typed comment", async () => {
    const api = renderActivity();
    api.addComment.mockRejectedValue(
      new ApiError("forbidden", "You are not allowed to comment on this asset in MediaValet (403).", {
        status: 403,
      }),
    );
    const user = userEvent.setup();
    await screen.findByRole("list", { name: "Comments" });
    await user.type(screen.getByLabelText("Add a comment"), "Nice");
    await user.click(screen.getByRole("button", { name: "Add comment" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/not allowed to comment.*“Comment” permission.*still read/);
    expect(screen.getByLabelText("Add a comment").getAttribute("aria-describedby")).toBe(alert.id);
    expect((screen.getByLabelText("Add a comment") as HTMLTextAreaElement).value).toBe("Nice");
  });

  it("offers Try again when the history cannot be read, without hiding the comments", async () => {
    const api = renderActivity();
    api.getHistory.mockRejectedValue(
      new ApiError("server_error", "MediaValet had a problem answering (500)."),
    );
    cleanup();
    const history = createMemoryHistory();
    history.set({ value: "/assets/a1" });
    render(() => (
      <ApiContext.Provider value={api}>
        <MemoryRouter history={history}>
          <Route path="/assets/:id" component={() => <AssetActivity assetId="a1" />} />
        </MemoryRouter>
      </ApiContext.Provider>
    ));
    expect(await screen.findByText("The history could not be loaded")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect((await screen.findByRole("list", { name: "Comments" })).textContent).toContain(
      "Crop the left edge",
    );
  });
});
