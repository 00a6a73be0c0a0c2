import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { createApiTransport } from "../../../src/api/createApiTransport";
import { createDownloadEndpoints } from "../../../src/api/downloadEndpoints";
import { lightboxContainerFilter } from "../../../src/api/lightboxContainerFilter";
import { createLightboxEndpoints } from "../../../src/api/lightboxEndpoints";
import { createPermissionEndpoints } from "../../../src/api/permissionEndpoints";
import { readPermissions } from "../../../src/api/readPermissions";
import { envelope, stubFetch, TEST_API_BASE, testApiOptions } from "../helpers";

const BASE = TEST_API_BASE;

function transport(fetchFn: typeof fetch) {
  return createApiTransport(testApiOptions(fetchFn));
}

function call(fetchFn: ReturnType<typeof stubFetch>, index = 0) {
  const [url, init] = fetchFn.mock.calls[index] ?? [];
  return {
    url: String(url),
    method: init?.method,
    body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
  };
}

const picks = {
  id: "lb1",
  name: "Picks",
  description: "For the deck",
  assetCount: 3,
  owner: { username: "demo" },
  permissions: ["lightbox:view", "lightbox:editDetails", "lightbox:editAssets", "lightbox:delete"],
};

describe("readPermissions", () => {
  it("reads API version 1.2's list of names", () => {
    expect(readPermissions(["asset:view", "asset:download"])).toEqual(["asset:view", "asset:download"]);
  });

  it("reads versions 1.0 and 1.1's {all: [{name}]}", () => {
    expect(readPermissions({ all: [{ name: "asset:view" }, { name: "lightbox:create" }] })).toEqual([
      "asset:view",
      "lightbox:create",
    ]);
  });

  it("says nothing is known when the block is missing or has another shape", () => {
    expect(readPermissions(undefined)).toBeUndefined();
    expect(readPermissions({ some: [] })).toBeUndefined();
    expect(readPermissions("asset:view")).toBeUndefined();
  });

  it("skips entries of neither shape rather than inventing names", () => {
    expect(readPermissions(["asset:view", 7, { name: "asset:download" }, { label: "x" }])).toEqual([
      "asset:view",
      "asset:download",
    ]);
  });
});

describe("lightbox endpoints", () => {
  it("lists lightboxes page by page, own then shared, with their permissions read into names", async () => {
    const shared = {
      ...picks,
      id: "lb2",
      name: "From Alex",
      owner: { username: "alex" },
      permissions: { all: [{ name: "lightbox:view" }] },
    };
    const fetchFn = stubFetch(() =>
      envelope([picks, shared], {
        recordCount: { totalRecordsFound: 2, startingRecord: 1, recordsReturned: 2 },
      }),
    );
    const list = await createLightboxEndpoints(transport(fetchFn)).listLightboxes();
    expect(call(fetchFn).url).toBe(`${BASE}/lightboxes?count=50&offset=0`);
    expect(list).toEqual([
      {
        id: "lb1",
        name: "Picks",
        description: "For the deck",
        assetCount: 3,
        ownerName: "demo",
        permissions: picks.permissions,
      },
      {
        id: "lb2",
        name: "From Alex",
        description: "For the deck",
        assetCount: 3,
        ownerName: "alex",
        permissions: ["lightbox:view"],
      },
    ]);
  });

  it("creates with POST {name, description}, leaving out an empty description", async () => {
    const fetchFn = stubFetch(() => envelope(picks));
    const lightboxes = createLightboxEndpoints(transport(fetchFn));
    await lightboxes.createLightbox({ name: "Picks", description: "" });
    expect(call(fetchFn)).toEqual({ url: `${BASE}/lightboxes`, method: "POST", body: { name: "Picks" } });
  });

  it("names the refused action when a name is taken (409) or a change is not allowed (403)", async () => {
    const taken = createLightboxEndpoints(
      transport(
        stubFetch(() =>
          envelope(null, { errors: [{ message: "You already have a lightbox named Picks." }] }, 409),
        ),
      ),
    );
    await expect(taken.createLightbox({ name: "Picks" })).rejects.toMatchObject({
      code: "request_failed",
      message: "You already have a lightbox named Picks.",
    });
    const refused = createLightboxEndpoints(
      transport(
        stubFetch(() =>
          envelope(null, { errors: [{ message: "You do not have the lightbox:delete permission." }] }, 403),
        ),
      ),
    );
    await expect(refused.deleteLightbox("lb2")).rejects.toThrow(
      "You are not allowed to delete this lightbox in MediaValet (403). MediaValet said: You do not have the lightbox:delete permission.",
    );
  });

  it("renames with PUT, adds ids with POST and removes one asset with DELETE, ids escaped in the path", async () => {
    const fetchFn = stubFetch(() => envelope(picks));
    const lightboxes = createLightboxEndpoints(transport(fetchFn));
    await lightboxes.updateLightbox("lb 1", { name: "Best", description: "" });
    await lightboxes.addLightboxAssets("lb 1", ["a1", "a2"]);
    await lightboxes.removeLightboxAsset("lb 1", "a/1");
    // "/lightboxes/.." would resolve to "DELETE /": refused before anything is sent.
    await expect(lightboxes.deleteLightbox("..")).rejects.toMatchObject({ code: "not_found" });
    expect(fetchFn.mock.calls.map((_, index) => call(fetchFn, index))).toEqual([
      { url: `${BASE}/lightboxes/lb%201`, method: "PUT", body: { name: "Best", description: "" } },
      { url: `${BASE}/lightboxes/lb%201/assets`, method: "POST", body: ["a1", "a2"] },
      { url: `${BASE}/lightboxes/lb%201/assets/a%2F1`, method: "DELETE", body: undefined },
    ]);
  });

  it("scopes a search to one lightbox with MediaValet's containerFilter, quotes doubled", () => {
    expect(lightboxContainerFilter("lb1")).toBe("LightboxIds/ANY(l: l EQ 'lb1')");
    expect(lightboxContainerFilter("o'k")).toBe("LightboxIds/ANY(l: l EQ 'o''k')");
  });
});

const TERMS = {
  id: "t",
  label: "I accept",
  type: "TermsAndConditions",
  isRequired: true,
  sequence: 1,
  description: "Be nice.",
  listItems: [],
};
const PURPOSE = {
  id: "p",
  label: "What for?",
  type: "Dropdown",
  isRequired: true,
  sequence: 2,
  description: "",
  listItems: [{ label: "Web", value: "Web" }],
};

describe("download endpoints", () => {
  it("reads the rules of /downloads/validate: preconditions and every form field in sequence", async () => {
    const fetchFn = stubFetch(() =>
      envelope({
        downloadId: "d1",
        downloadLink: null,
        preconditions: ["TermsAndConditions", "CustomForm"],
        customFormDetails: { fieldGroups: [{ groupId: "g", fields: [PURPOSE, TERMS] }], dependencies: [] },
      }),
    );
    const check = await createDownloadEndpoints(transport(fetchFn)).checkDownload(true);
    expect(call(fetchFn)).toEqual({
      url: `${BASE}/downloads/validate`,
      method: "POST",
      body: { isDirectDownload: true },
    });
    expect(check).toEqual({
      downloadId: "d1",
      preconditions: ["TermsAndConditions", "CustomForm"],
      fields: [
        {
          id: "t",
          label: "I accept",
          type: "TermsAndConditions",
          isRequired: true,
          description: "Be nice.",
          options: [],
        },
        {
          id: "p",
          label: "What for?",
          type: "Dropdown",
          isRequired: true,
          description: "",
          options: [{ label: "Web", value: "Web" }],
        },
      ],
    });
  });

  it("asks for one rendition's link with the answers, and refuses a link that is not https", async () => {
    const fetchFn = stubFetch(() =>
      envelope({ id: "d1", sasUrl: "https://blob.example/a1-small.jpg?sig=x", errors: [] }, {}, 202),
    );
    const downloads = createDownloadEndpoints(transport(fetchFn));
    const link = await downloads.getDownloadLink("d1", {
      assetId: "a1",
      answers: [{ fieldId: "t", value: "true" }],
      renditionId: "a1-small",
    });
    expect(link).toBe("https://blob.example/a1-small.jpg?sig=x");
    expect(call(fetchFn)).toEqual({
      url: `${BASE}/downloads/d1/asset`,
      method: "POST",
      body: { assetId: "a1", attributeIdValues: [{ fieldId: "t", value: "true" }], renditionId: "a1-small" },
    });
    const unsafe = createDownloadEndpoints(
      transport(stubFetch(() => envelope({ id: "d1", sasUrl: "javascript:alert(1)", errors: [] }, {}, 202))),
    );
    await expect(unsafe.getDownloadLink("d1", { assetId: "a1", answers: [] })).rejects.toMatchObject({
      code: "bad_response",
    });
  });

  it("says which rule is unmet when MediaValet answers 400", async () => {
    const downloads = createDownloadEndpoints(
      transport(
        stubFetch(() =>
          envelope(
            {
              id: null,
              sasUrl: null,
              errors: [{ fieldId: "t", message: "The terms of use must be accepted." }],
            },
            { errors: [{ code: "download_rule", message: "The terms of use must be accepted." }] },
            400,
          ),
        ),
      ),
    );
    const failure = await downloads
      .getDownloadLink("d1", { assetId: "a1", answers: [] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe("The terms of use must be accepted.");
  });

  it("starts an archive (202 with a batchId) and reads its progress and link", async () => {
    const fetchFn = stubFetch((url) =>
      url.endsWith("/downloads")
        ? envelope({ batchId: "b1" }, {}, 202)
        : envelope({
            id: "b1",
            status: "Ready",
            itemCount: 4,
            processedCount: 4,
            filePath: "https://blob.example/b1/picks.zip",
            fileName: "picks.zip",
            fileSize: 1234,
          }),
    );
    const downloads = createDownloadEndpoints(transport(fetchFn));
    const batchId = await downloads.startArchive({
      assetIds: ["a1", "a2"],
      answers: [{ fieldId: "p", value: "Web" }],
      zipFileName: "picks",
    });
    expect(batchId).toBe("b1");
    expect(call(fetchFn).body).toEqual({
      attributeIdValues: [{ fieldId: "p", value: "Web" }],
      downloadSettingsPostDetail: { ids: ["a1", "a2"], zipFileName: "picks" },
    });
    expect(await downloads.getArchive("b1")).toEqual({
      id: "b1",
      status: "Ready",
      itemCount: 4,
      processedCount: 4,
      fileUrl: "https://blob.example/b1/picks.zip",
      fileName: "picks.zip",
      fileSize: 1234,
    });
    expect(call(fetchFn, 1).url).toBe(`${BASE}/downloads/b1`);
  });

  it("records a download with POST /assets/{id}/downloaded", async () => {
    const fetchFn = stubFetch(() => envelope(null));
    await createDownloadEndpoints(transport(fetchFn)).recordDownload("a1");
    expect(call(fetchFn)).toEqual({ url: `${BASE}/assets/a1/downloaded`, method: "POST", body: undefined });
  });
});

describe("permission endpoints", () => {
  it("reads the current user's permissions in either shape", async () => {
    for (const payload of [["asset:view"], { all: [{ name: "asset:view" }] }]) {
      const fetchFn = stubFetch(() => envelope(payload));
      expect(await createPermissionEndpoints(transport(fetchFn)).getCurrentPermissions()).toEqual([
        "asset:view",
      ]);
      expect(call(fetchFn).url).toBe(`${BASE}/users/current/permissions`);
    }
  });

  it("refuses an answer with no permissions rather than guessing", async () => {
    const fetchFn = stubFetch(() => envelope({ nothing: true }));
    await expect(createPermissionEndpoints(transport(fetchFn)).getCurrentPermissions()).rejects.toMatchObject(
      {
        code: "bad_response",
      },
    );
  });
});
