import { describe, expect, it } from "vitest";
import { directLinkFormats, scalesToCustomSize } from "../../../src/pages/directLinkFormats";
import { historyLabel } from "../../../src/pages/historyLabel";

describe("historyLabel", () => {
  it("says the known MediaValet event names in words", () => {
    expect(historyLabel("DirectLinkCreated")).toBe("Created a direct link");
    expect(historyLabel("CommentAdded")).toBe("Commented");
  });

  it("splits an event name it does not know into words rather than hiding it", () => {
    expect(historyLabel("AssetCheckedOut")).toBe("Asset checked out");
    expect(historyLabel("")).toBe("Something happened");
  });
});

describe("directLinkFormats", () => {
  it("offers the asset's own type first, then the ones its kind converts to, once each", () => {
    expect(directLinkFormats("Image", "png")).toEqual(["PNG", "JPG", "WEBP", "GIF", "TIFF", "BMP"]);
    expect(directLinkFormats("Video", "MOV")).toEqual(["MOV", "MP4"]);
    expect(directLinkFormats("Other", "ZIP")).toEqual(["ZIP"]);
  });

  it("allows a custom size only for pictures and videos", () => {
    expect([scalesToCustomSize("Image"), scalesToCustomSize("Video"), scalesToCustomSize("Audio")]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
