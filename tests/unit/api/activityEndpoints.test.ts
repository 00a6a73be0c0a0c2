import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import { createActivityEndpoints } from "../../../src/api/activityEndpoints";
import { createApiTransport } from "../../../src/api/createApiTransport";
import { envelope, stubFetch, TEST_API_BASE, testApiOptions } from "../helpers";

const BASE = TEST_API_BASE;

function endpoints(fetchFn: typeof fetch) {
  return createActivityEndpoints(createApiTransport(testApiOptions(fetchFn)));
}

const user = { id: "u1", username: "dana", firstName: "Dana", lastName: "Lee" };

describe("activity endpoints", () => {
  it("reads an asset's comments with who added them and when", async () => {
    const fetchFn = stubFetch(() =>
      envelope(
        [
          {
            id: "c1",
            comment: "Looks good",
            commentType: "General",
            addedAt: "2026-11-02T08:00:00Z",
            addedBy: user,
          },
        ],
        { recordCount: { totalRecordsFound: 1 } },
      ),
    );
    const comments = await endpoints(fetchFn).listComments("a1");
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${BASE}/assets/a1/comments?count=50&offset=0`);
    expect(comments).toEqual([
      {
        id: "c1",
        comment: "Looks good",
        commentType: "General",
        addedAt: "2026-11-02T08:00:00Z",
        addedBy: { username: "dana", firstName: "Dana", lastName: "Lee" },
      },
    ]);
  });

  it("POSTs a comment as { comment } and returns the comment MediaValet stored", async () => {
    const fetchFn = stubFetch(() => envelope({ id: "c2", comment: "Ship it", addedBy: user }, {}, 201));
    const added = await endpoints(fetchFn).addComment("a1", "Ship it");
    const init = fetchFn.mock.calls[0]?.[1];
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({ comment: "Ship it" });
    expect(added).toMatchObject({ id: "c2", comment: "Ship it", addedBy: { username: "dana" } });
  });

  it("names commenting when MediaValet refuses it", async () => {
    const fetchFn = stubFetch(() => envelope(null, { errors: [{ message: "no" }] }, 403));
    const failure = await endpoints(fetchFn)
      .addComment("a1", "Hi")
      .catch((error: unknown) => error);
    expect((failure as ApiError).code).toBe("forbidden");
    expect((failure as ApiError).message).toContain("comment on this asset");
  });

  it("reads every page of the history details inside payload[0]", async () => {
    const detail = (n: number) => ({
      date: `2026-11-0${n}T00:00:00Z`,
      type: n === 1 ? "DirectLinkCreated" : "Uploaded",
      user: { username: "dana" },
      sharedTo: n === 1 ? "Website" : null,
    });
    const fetchFn = stubFetch((url) => {
      const offset = Number(new URL(url).searchParams.get("offset"));
      const details = offset === 0 ? Array.from({ length: 50 }, () => detail(1)) : [detail(2)];
      return envelope([{ assetId: "a1", assetHistoryDetail: details }], {
        recordCount: { totalRecordsFound: 51 },
      });
    });
    const history = await endpoints(fetchFn).getHistory("a1");
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(history).toHaveLength(51);
    expect(history[0]).toEqual({
      date: "2026-11-01T00:00:00Z",
      type: "DirectLinkCreated",
      username: "dana",
      sharedTo: "Website",
    });
    expect(history[50]).toEqual({ date: "2026-11-02T00:00:00Z", type: "Uploaded", username: "dana" });
  });

  it("fails with bad_response when the history has no list of events", async () => {
    const fetchFn = stubFetch(() => envelope([{ assetId: "a1", assetHistoryDetail: "nothing" }]));
    const failure = await endpoints(fetchFn)
      .getHistory("a1")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("bad_response");
  });

  it("reads related assets as whole assets and drops media links that are not safe", async () => {
    const fetchFn = stubFetch(() =>
      envelope(
        [
          {
            id: "a2",
            title: "Harbour at noon",
            media: { type: "Image", thumb: "https://media.example/a2.jpg", large: "javascript:alert(1)" },
          },
        ],
        { recordCount: { totalRecordsFound: 1 } },
      ),
    );
    const [related] = await endpoints(fetchFn).listRelatedAssets("a1");
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${BASE}/assets/a1/relatedassets?count=50&offset=0`);
    expect(related?.media).toEqual({ type: "Image", thumb: "https://media.example/a2.jpg" });
  });
});
