import { describe, expect, it } from "vitest";
import { normalizeEnvelope } from "../../../src/api/normalizeEnvelope";

describe("normalizeEnvelope", () => {
  it("reads the camelCase envelope MediaValet sends", () => {
    const envelope = normalizeEnvelope({
      apiVersion: "2022.6.17.1",
      warnings: [],
      errors: [],
      payload: { id: "a1" },
      meta: { metaInformation: { ElapsedTimeInMS: 3 }, createdAt: "2026-08-13T12:00:00Z" },
      recordCount: { totalRecordsFound: 9, startingRecord: 1, recordsReturned: 9 },
    });
    expect(envelope).toEqual({
      apiVersion: "2022.6.17.1",
      warnings: [],
      errors: [],
      payload: { id: "a1" },
      meta: { metaInformation: { ElapsedTimeInMS: 3 }, createdAt: "2026-08-13T12:00:00Z" },
      recordCount: { totalRecordsFound: 9, startingRecord: 1, recordsReturned: 9 },
    });
  });

  it("reads the PascalCase envelope MediaValet documents, with warnings and errors inside Meta", () => {
    const envelope = normalizeEnvelope({
      ApiVersion: "1.0.0.0",
      Meta: {
        MetaInformation: {},
        Warnings: ["w"],
        Errors: [{ Code: "Bad", Message: "bad op" }],
        CreatedOn: "x",
      },
      RecordCount: { TotalRecordsFound: 3, StartingRecord: 1, RecordsReturned: 3 },
      Payload: { Assets: [] },
    });
    expect(envelope?.apiVersion).toBe("1.0.0.0");
    expect(envelope?.warnings).toEqual(["w"]);
    expect(envelope?.errors).toEqual([{ code: "Bad", message: "bad op" }]);
    expect(envelope?.recordCount).toEqual({ totalRecordsFound: 3, startingRecord: 1, recordsReturned: 3 });
    // The payload is data and keeps its keys as sent.
    expect(envelope?.payload).toEqual({ Assets: [] });
  });

  it("prefers the camelCase key when both spellings are present", () => {
    expect(normalizeEnvelope({ payload: 1, Payload: 2 })?.payload).toBe(1);
  });

  it("returns nothing for a body without a payload", () => {
    expect(normalizeEnvelope({ id: "a1" })).toBeUndefined();
    expect(normalizeEnvelope([])).toBeUndefined();
    expect(normalizeEnvelope(null)).toBeUndefined();
  });

  it("fills in lists and leaves out counts that are missing", () => {
    expect(normalizeEnvelope({ payload: null })).toEqual({
      apiVersion: "",
      warnings: [],
      errors: [],
      payload: null,
    });
  });
});
