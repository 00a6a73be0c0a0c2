import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { createApiTransport } from "../../../src/api/createApiTransport";
import { createDirectLinkEndpoints } from "../../../src/api/directLinkEndpoints";
import { envelope, stubFetch, TEST_API_BASE, testApiOptions } from "../helpers";

const BASE = TEST_API_BASE;

function endpoints(fetchFn: typeof fetch) {
  return createDirectLinkEndpoints(createApiTransport(testApiOptions(fetchFn)));
}

const link = {
  directLinkId: "d1",
  assetId: "a 1",
  cdnLink: "https://cdn.example.com/d1/harbour.jpg",
  linkName: "Website",
  createdAt: "2026-11-01T10:00:00Z",
  user: { id: "u1", username: "dana", firstName: "Dana", lastName: "Lee" },
  state: "Active",
  renditionSettings: { size: { type: "Custom", width: 640, height: 480 }, format: "PNG" },
  linkSettings: { linkName: "Website", isUniqueLink: false },
};

describe("direct link endpoints", () => {
  it("lists an asset's links from GET /directlinks/{assetId}, with the id as one path segment", async () => {
    const fetchFn = stubFetch(() => envelope([link], { recordCount: { totalRecordsFound: 1 } }));
    const links = await endpoints(fetchFn).listDirectLinks("a 1");
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${BASE}/directlinks/a%201?count=50&offset=0`);
    expect(links).toEqual([
      {
        directLinkId: "d1",
        assetId: "a 1",
        cdnLink: "https://cdn.example.com/d1/harbour.jpg",
        linkName: "Website",
        createdAt: "2026-11-01T10:00:00Z",
        createdBy: "dana",
        state: "Active",
        size: { type: "Custom", width: 640, height: 480 },
        format: "PNG",
      },
    ]);
  });

  it("drops a cdnLink that fails the safe-URL check, so it can never become a javascript: link", async () => {
    const fetchFn = stubFetch(() =>
      envelope([{ ...link, cdnLink: "javascript:alert(1)" }], { recordCount: { totalRecordsFound: 1 } }),
    );
    const [listed] = await endpoints(fetchFn).listDirectLinks("a1");
    expect(listed?.cdnLink).toBeUndefined();
    expect(listed?.linkName).toBe("Website");
  });

  it("POSTs the rendition and link settings in MediaValet's shape and says a 201 is a new link", async () => {
    const fetchFn = stubFetch(() => envelope(link, {}, 201));
    const created = await endpoints(fetchFn).createDirectLink("a1", {
      linkName: "Website",
      size: { type: "Custom", width: 640, height: 480 },
      format: "PNG",
    });
    const init = fetchFn.mock.calls[0]?.[1];
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${BASE}/directlinks/a1`);
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({
      renditionSettings: { size: { type: "Custom", width: 640, height: 480 }, format: "PNG" },
      linkSettings: { linkName: "Website" },
    });
    expect(created.reused).toBe(false);
    expect(created.link.cdnLink).toBe("https://cdn.example.com/d1/harbour.jpg");
  });

  it("says a 200 gave back the existing link for the same name, size and format", async () => {
    const fetchFn = stubFetch(() => envelope(link, {}, 200));
    const created = await endpoints(fetchFn).createDirectLink("a1", {
      linkName: "Website",
      size: { type: "Original" },
      format: "JPG",
      isUniqueLink: false,
    });
    expect(JSON.parse(String(fetchFn.mock.calls[0]?.[1]?.body))).toMatchObject({
      renditionSettings: { size: { type: "Original" } },
      linkSettings: { isUniqueLink: false },
    });
    expect(created.reused).toBe(true);
  });

  it("turns a 403 into a forbidden ApiError that names what was refused", async () => {
    const fetchFn = stubFetch(() =>
      envelope(null, { errors: [{ message: "Missing permission asset:createDirectLink" }] }, 403),
    );
    const failure = await endpoints(fetchFn)
      .createDirectLink("a1", { linkName: "x", size: { type: "Original" }, format: "JPG" })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("forbidden");
    expect((failure as ApiError).message).toContain("create direct links for this asset");
  });
});
