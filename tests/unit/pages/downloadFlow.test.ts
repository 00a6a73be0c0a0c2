import { createRoot } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../src/api/ApiError";
import type { ArchiveDownload, DownloadCheck, DownloadField } from "../../../src/api/downloadEndpoints";
import { archiveProgress } from "../../../src/pages/archiveProgress";
import { createDownloadGate } from "../../../src/pages/createDownloadGate";
import { answerProblems, toDownloadAnswers } from "../../../src/pages/downloadAnswers";
import { makeArchiveFollow } from "../../../src/pages/makeArchiveFollow";
import { settle } from "../helpers";

const terms: DownloadField = {
  id: "t",
  label: "I accept the terms of use",
  type: "TermsAndConditions",
  isRequired: true,
  description: "Be nice.",
  options: [],
};
const purpose: DownloadField = {
  id: "p",
  label: "What is the download for?",
  type: "Dropdown",
  isRequired: true,
  description: "",
  options: [
    { label: "Web", value: "Web" },
    { label: "Print", value: "Print" },
  ],
};
const note: DownloadField = {
  id: "n",
  label: "Note",
  type: "Text",
  isRequired: false,
  description: "",
  options: [],
};
const check: DownloadCheck = {
  downloadId: "d1",
  preconditions: ["TermsAndConditions", "CustomForm"],
  fields: [terms, purpose, note],
};

function archive(overrides: Partial<ArchiveDownload>): ArchiveDownload {
  return {
    id: "b1",
    status: "Processing",
    itemCount: 4,
    processedCount: 1,
    fileName: "picks.zip",
    fileSize: 0,
    ...overrides,
  };
}

describe("the download form's answers", () => {
  it("asks for the terms to be accepted and every required field answered", () => {
    expect(answerProblems(check.fields, {})).toEqual([
      { fieldId: "t", message: "Accept the terms: I accept the terms of use." },
      { fieldId: "p", message: "Answer “What is the download for?”." },
    ]);
  });

  it("refuses a choice that is not among the field's options", () => {
    expect(answerProblems(check.fields, { t: "true", p: "Billboards" })).toEqual([
      { fieldId: "p", message: "Choose one of the listed answers for “What is the download for?”." },
    ]);
  });

  it("sends back only the answered fields, trimmed, in the form's order", () => {
    expect(answerProblems(check.fields, { t: "true", p: "Web" })).toEqual([]);
    expect(toDownloadAnswers(check.fields, { p: " Web ", t: "true", n: "" })).toEqual([
      { fieldId: "t", value: "true" },
      { fieldId: "p", value: "Web" },
    ]);
  });
});

describe("archiveProgress", () => {
  it("counts what is done while MediaValet works", () => {
    expect(archiveProgress(archive({ status: "Queued", processedCount: 0 }))).toEqual({
      kind: "working",
      done: 0,
      total: 4,
    });
    expect(archiveProgress(archive({ processedCount: 9 }))).toEqual({ kind: "working", done: 4, total: 4 });
  });

  it("offers the link when ready, and treats a ready archive without a usable link as failed", () => {
    expect(
      archiveProgress(
        archive({ status: "Ready", processedCount: 4, fileUrl: "https://blob/x.zip", fileSize: 9 }),
      ),
    ).toEqual({
      kind: "ready",
      url: "https://blob/x.zip",
      fileName: "picks.zip",
      fileSize: 9,
    });
    expect(archiveProgress(archive({ status: "Ready" })).kind).toBe("failed");
  });

  it("says what to do next when the archive failed or its link expired", () => {
    expect(archiveProgress(archive({ status: "Failed" }))).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Start the download again"),
    });
    expect(archiveProgress(archive({ status: "Expired" }))).toMatchObject({
      kind: "expired",
      message: expect.stringContaining("Start the download again to get a fresh one"),
    });
  });
});

describe("makeArchiveFollow", () => {
  afterEach(() => vi.useRealTimers());

  it("reads until the archive is ready, reporting each state, then stops", async () => {
    vi.useFakeTimers();
    const states = [
      archive({ processedCount: 1 }),
      archive({ processedCount: 3 }),
      archive({ status: "Ready", fileUrl: "https://blob/x.zip" }),
    ];
    const read = vi.fn(async () => states.shift() ?? archive({ status: "Failed" }));
    const seen: string[] = [];
    makeArchiveFollow(read, {
      intervalMs: 500,
      onProgress: (progress) =>
        seen.push(progress.kind === "working" ? `working ${progress.done}` : progress.kind),
      onError: () => seen.push("error"),
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual(["working 1", "working 3", "ready"]);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it("stops reading once undone, and reports nothing after", async () => {
    vi.useFakeTimers();
    const read = vi.fn(async () => archive({}));
    const onProgress = vi.fn();
    const stop = makeArchiveFollow(read, { intervalMs: 500, onProgress, onError: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onProgress).toHaveBeenCalledTimes(1);
  });

  it("gives up, saying so, when the archive takes longer than the time allowed", async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    makeArchiveFollow(async () => archive({}), {
      intervalMs: 1000,
      timeoutMs: 3000,
      onProgress: (progress) => seen.push(progress.kind),
      onError: vi.fn(),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen.at(-1)).toBe("failed");
    expect(seen.filter((kind) => kind === "failed")).toHaveLength(1);
  });
});

describe("createDownloadGate", () => {
  function gate(checkDownload: () => Promise<DownloadCheck>, proceed = vi.fn(async () => {})) {
    return createRoot((dispose) => ({
      gate: createDownloadGate({ checkDownload }, true, proceed),
      proceed,
      dispose,
    }));
  }

  it("shows the form and hands nothing over until the answers meet the rules", async () => {
    const { gate: downloads, proceed, dispose } = gate(async () => check);
    await downloads.start();
    expect(downloads.state()).toMatchObject({ kind: "asking", busy: false });
    await downloads.submit({ p: "Web" });
    expect(downloads.state()).toMatchObject({ kind: "asking", problems: [{ fieldId: "t" }] });
    expect(proceed).not.toHaveBeenCalled();

    await downloads.submit({ t: "true", p: "Web" });
    expect(proceed).toHaveBeenCalledWith(
      check,
      [
        { fieldId: "t", value: "true" },
        { fieldId: "p", value: "Web" },
      ],
      expect.any(AbortSignal),
    );
    expect(downloads.state()).toEqual({ kind: "idle" });
    dispose();
  });

  it("goes straight on when the library asks nothing", async () => {
    const {
      gate: downloads,
      proceed,
      dispose,
    } = gate(async () => ({ downloadId: "d2", preconditions: [], fields: [] }));
    await downloads.start();
    expect(proceed).toHaveBeenCalledWith(
      { downloadId: "d2", preconditions: [], fields: [] },
      [],
      expect.any(AbortSignal),
    );
    dispose();
  });

  it("keeps the form open with MediaValet's reason when it refuses the answers", async () => {
    const refusal = new ApiError("request_failed", "The terms of use must be accepted.", { status: 400 });
    const { gate: downloads, dispose } = gate(
      async () => check,
      vi.fn(async () => Promise.reject(refusal)),
    );
    await downloads.start();
    await downloads.submit({ t: "true", p: "Web" });
    expect(downloads.state()).toMatchObject({
      kind: "asking",
      busy: false,
      error: "The terms of use must be accepted.",
    });
    dispose();
  });

  it("names what was not allowed when MediaValet refuses the download itself (403)", async () => {
    const forbidden = new ApiError(
      "forbidden",
      "You are not allowed to download assets in MediaValet (403). MediaValet said: You do not have the asset:download permission.",
      { status: 403 },
    );
    const { gate: downloads, dispose } = gate(() => Promise.reject(forbidden));
    await downloads.start();
    await settle();
    expect(downloads.state()).toEqual({ kind: "failed", message: forbidden.message });
    dispose();
  });
});
