import { beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface SavedSearch {
  id: string;
  name: string;
  search: string;
  filters: string;
  containerFilter: string;
  sort: string;
  pinned: boolean;
  createdAt: string;
  modifiedAt: string;
  createdBy: { username: string } | null;
}

describe("/savedsearches", () => {
  const sandbox = useSandbox();
  let demo = "";
  let alex = "";

  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    alex = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
  });

  const call = <T = SavedSearch>(
    token: string,
    path: string,
    method = "GET",
    body?: unknown,
    contentType?: string,
  ) =>
    apiCall<T>(sandbox(), token, path, {
      method,
      ...(body === undefined ? {} : { body }),
      ...(contentType ? { contentType } : {}),
    });

  it("saves a search with its filters, container filter and sort, and gives it back whole", async () => {
    const saved = {
      name: "  Beach images  ",
      search: "beach",
      filters: "(AssetType EQ Image) AND (AverageRating GE 3)",
      containerFilter: "CategoryIds/ANY(c: c EQ '6fc381ea-9270-4d34-8f6b-81a2cde46006')",
      sort: "title A",
      pinned: true,
    };
    const created = await call(demo, "/savedsearches", "POST", saved);

    expect(created.response.status).toBe(201);
    expect(created.body.payload).toMatchObject({ ...saved, name: "Beach images" });
    expect(created.body.payload.createdBy?.username).toBe("demo");
    const read = await call(demo, `/savedsearches/${created.body.payload.id}`);
    expect(read.body.payload).toEqual(created.body.payload);
  });

  it("lists only the caller's own, pinned first then by name, paged with recordCount", async () => {
    for (const name of ["Zebra", "Apple"]) await call(demo, "/savedsearches", "POST", { name });
    await call(alex, "/savedsearches", "POST", { name: "Alex's own" });

    const page = await call<SavedSearch[]>(demo, "/savedsearches?count=2");
    const all = await call<SavedSearch[]>(demo, "/savedsearches");

    expect(all.body.payload.map((entry) => entry.name)).toEqual(["Beach images", "Apple", "Zebra"]);
    expect(page.body.payload).toHaveLength(2);
    expect(page.body.recordCount).toEqual({ totalRecordsFound: 3, startingRecord: 1, recordsReturned: 2 });
    const theirs = await call<SavedSearch[]>(alex, "/savedsearches");
    expect(theirs.body.payload.map((entry) => entry.name)).toEqual(["Alex's own"]);
  });

  it("hides another user's saved search: 404 to read, change or delete it", async () => {
    const mine = (await call(demo, "/savedsearches", "POST", { name: "Private" })).body.payload;
    expect((await call(alex, `/savedsearches/${mine.id}`)).response.status).toBe(404);
    expect((await call(alex, `/savedsearches/${mine.id}`, "PUT", { name: "Taken" })).response.status).toBe(
      404,
    );
    expect((await call(alex, `/savedsearches/${mine.id}`, "DELETE")).response.status).toBe(404);
    expect((await call(demo, `/savedsearches/${mine.id}`)).body.payload.name).toBe("Private");
  });

  it("renames and pins with JSON Patch, skipping operations it cannot apply and naming them", async () => {
    const created = (await call(demo, "/savedsearches", "POST", { name: "To rename", search: "sea" })).body
      .payload;
    const { response, body } = await call(
      demo,
      `/savedsearches/${created.id}`,
      "PATCH",
      [
        { op: "replace", path: "/name", value: "Renamed" },
        { op: "replace", path: "/pinned", value: true },
        { op: "replace", path: "/id", value: "x" },
        { op: "remove", path: "/search" },
      ],
      "application/json-patch+json",
    );

    expect(response.status).toBe(200);
    expect(body.payload).toMatchObject({ name: "Renamed", pinned: true, search: "sea", id: created.id });
    expect(body.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^\/id:/),
      expect.stringMatching(/^\/search:/),
    ]);
  });

  it("replaces the whole saved search with PUT", async () => {
    const created = (
      await call(demo, "/savedsearches", "POST", { name: "Whole", search: "sea", pinned: true })
    ).body.payload;
    const { body } = await call(demo, `/savedsearches/${created.id}`, "PUT", {
      name: "Whole",
      filters: "Status EQ 0",
    });

    expect(body.payload).toMatchObject({ name: "Whole", search: "", filters: "Status EQ 0", pinned: false });
  });

  it("deletes one, after which it is gone", async () => {
    const created = (await call(demo, "/savedsearches", "POST", { name: "Short-lived" })).body.payload;
    expect((await call(demo, `/savedsearches/${created.id}`, "DELETE")).response.status).toBe(200);
    expect((await call(demo, `/savedsearches/${created.id}`)).response.status).toBe(404);
  });

  it("refuses a search it could not run, a missing or duplicate name, and wrong types", async () => {
    const cases: [unknown, number][] = [
      [{ name: "Broken", filters: "(AssetType EQ" }, 400],
      [{ name: "Broken sort", sort: "popularity D" }, 400],
      [{ search: "no name" }, 400],
      [{ name: "   " }, 400],
      [{ name: "Typed", pinned: "yes" }, 400],
      [{ name: "Apple" }, 409],
      [{ name: "apple" }, 409],
      [["not", "an", "object"], 400],
    ];
    for (const [body, status] of cases) {
      expect((await call(demo, "/savedsearches", "POST", body)).response.status, JSON.stringify(body)).toBe(
        status,
      );
    }
  });
});
