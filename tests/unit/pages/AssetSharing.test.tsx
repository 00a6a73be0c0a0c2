import { cleanup, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, type DirectLink } from "../../../src/api";
import { ApiContext } from "../../../src/pages/ApiContext";
import AssetSharing from "../../../src/pages/AssetSharing";
import { createFakeApi } from "./fakeApi";

const website: DirectLink = {
  directLinkId: "d1",
  assetId: "a1",
  cdnLink: "https://cdn.example.com/d1/harbour.jpg",
  linkName: "Website",
  createdAt: "2026-11-01T10:00:00Z",
  createdBy: "dana",
  size: { type: "Original" },
  format: "JPG",
};

function renderSharing(links: DirectLink[] = [website], kind = "Image") {
  const api = createFakeApi();
  api.listDirectLinks.mockResolvedValue(links);
  render(() => (
    <ApiContext.Provider value={api}>
      <AssetSharing assetId="a1" kind={kind} fileType="JPG" />
    </ApiContext.Provider>
  ));
  return api;
}

describe("AssetSharing", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("lists the asset's direct links with their address, format, size and maker", async () => {
    renderSharing();
    const address = (await screen.findByLabelText("Address of “Website”")) as HTMLInputElement;
    expect(address.value).toBe("https://cdn.example.com/d1/harbour.jpg");
    expect(address.readOnly).toBe(true);
    expect(screen.getByText(/JPG, original size, created .* by dana/)).toBeTruthy();
  });

  it("says when a link came without a usable address, instead of offering to copy nothing", async () => {
    renderSharing([{ ...website, cdnLink: undefined }]);
    expect(await screen.findByText("MediaValet sent no usable address for this link.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Copy/ })).toBeNull();
  });

  it("creates a custom-size link in the chosen format, announces it and lists it", async () => {
    const api = renderSharing([]);
    const made: DirectLink = { ...website, directLinkId: "d2", linkName: "Banner", format: "PNG" };
    api.createDirectLink.mockResolvedValue({ link: made, reused: false });
    const user = userEvent.setup();
    await screen.findByText("No direct links yet.");
    api.listDirectLinks.mockResolvedValue([made]);

    await user.clear(screen.getByLabelText("Link name"));
    await user.type(screen.getByLabelText("Link name"), "Banner");
    await user.selectOptions(screen.getByLabelText("Format"), "PNG");
    await user.click(screen.getByLabelText("Custom"));
    await user.type(screen.getByLabelText("Width (px)"), "640");
    await user.type(screen.getByLabelText("Height (px)"), "480");
    await user.click(screen.getByRole("button", { name: "Create direct link" }));

    expect(api.createDirectLink).toHaveBeenCalledWith("a1", {
      linkName: "Banner",
      size: { type: "Custom", width: 640, height: 480 },
      format: "PNG",
    });
    expect((await screen.findByText(/Created the direct link “Banner”/)).closest("[aria-live]")).toBeTruthy();
    expect(await screen.findByLabelText("Address of “Banner”")).toBeTruthy();
  });

  it("offers no custom size for a document, and its own type first among the formats", async () => {
    const api = createFakeApi();
    api.listDirectLinks.mockResolvedValue([]);
    render(() => (
      <ApiContext.Provider value={api}>
        <AssetSharing assetId="a1" kind="Document" fileType="docx" />
      </ApiContext.Provider>
    ));
    await screen.findByText("No direct links yet.");
    expect(screen.queryByLabelText("Custom")).toBeNull();
    const options = [...(screen.getByLabelText("Format") as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(["DOCX", "PDF", "JPG", "PNG"]);
  });

  it("copies a link to the clipboard and announces it in a live region", async () => {
    renderSharing();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    await user.click(await screen.findByRole("button", { name: "Copy the address of “Website”" }));
    expect(writeText).toHaveBeenCalledWith("https://cdn.example.com/d1/harbour.jpg");
    const said = await screen.findByText("Copied the address of “Website” to the clipboard.");
    expect(said.closest("[aria-live=polite]")?.getAttribute("role")).toBe("status");
  });

  it("tells how to copy by hand when the clipboard is refused", async () => {
    renderSharing();
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("denied", "NotAllowedError"),
    );
    await user.click(await screen.findByRole("button", { name: "Copy the address of “Website”" }));
    expect(
      await screen.findByText(/could not reach the clipboard. Select the address of “Website”/),
    ).toBeTruthy();
  });

  it("explains a missing permission and keeps the existing links usable", async () => {
    const api = renderSharing();
    api.createDirectLink.mockRejectedValue(
      new ApiError(
        "forbidden",
        "You are not allowed to create direct links for this asset in MediaValet (403).",
        {
          status: 403,
        },
      ),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Create direct link" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /not allowed to create direct links.*“Create direct link” permission.*still be copied/,
    );
    expect(screen.getByRole("button", { name: "Copy the address of “Website”" })).toBeTruthy();
  });

  it("says a link with the same name, size and format already existed", async () => {
    const api = renderSharing();
    api.createDirectLink.mockResolvedValue({ link: website, reused: true });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Create direct link" }));
    expect(await screen.findByText(/“Website” for this size and format already existed/)).toBeTruthy();
  });
});
