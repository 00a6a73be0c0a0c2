import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandboxControl } from "../../sandbox/control/SandboxControl";
import { apiCall, type AssetsPayload, type AssetSummary } from "./helpers/apiCall";
import { apiHeaders, signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface Part {
  method: string;
  target: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PartAnswer {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

const BOUNDARY = "c6c2ed020aadd284efd61a7c9d4dfe94";

/** A batch written the way MediaValet's SDK writes one: CRLF everywhere, one application/http part per request. */
function batch(parts: Part[], boundary = BOUNDARY): string {
  return (
    parts
      .map((part) => {
        const headers = Object.entries({
          "Content-Type": "application/json",
          ...part.headers,
        }).map(([name, value]) => `${name}: ${value}\r\n`);
        const body = part.body === undefined ? "" : `${JSON.stringify(part.body)}\r\n`;
        return `--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\n${part.method} ${part.target} HTTP/1.1\r\nhost: api.mediavalet.com\r\n${headers.join("")}\r\n${body}`;
      })
      .join("\r\n") + `\r\n--${boundary}--\r\n`
  );
}

/** Reads the multipart answer independently of the sandbox's writer. */
function readAnswer(contentType: string, text: string): PartAnswer[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? "";
  expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
  expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  const sections = text.split(`--${boundary}`).slice(1, -1);
  return sections.map((section) => {
    const [partHead = "", message = ""] = section.replace(/^\r\n/, "").split(/\r\n\r\n(.*)/s);
    expect(partHead).toBe("Content-Type: application/http; msgtype=response");
    const [head = "", body = ""] = message.split(/\r\n\r\n(.*)/s);
    const [statusLine = "", ...headerLines] = head.split("\r\n");
    const status = /^HTTP\/1\.1 (\d{3}) (.+)$/.exec(statusLine);
    const headers = Object.fromEntries(
      headerLines.map((line) => [
        line.slice(0, line.indexOf(":")).toLowerCase(),
        line.slice(line.indexOf(":") + 1).trim(),
      ]),
    );
    return {
      status: Number(status?.[1]),
      reason: status?.[2] ?? "",
      headers,
      body: body.replace(/\r\n$/, ""),
    };
  });
}

describe("POST /bulk", () => {
  const sandbox = useSandbox({ testControls: true });
  const control = () => createSandboxControl(sandbox());
  let demo = "";
  let viewer = "";
  let assets: AssetSummary[] = [];
  let next = 0;
  const someAssets = (count: number): AssetSummary[] => {
    const picked = assets.slice(next, next + count);
    next += count;
    return picked;
  };

  beforeAll(async () => {
    demo = (await signIn(sandbox())).tokens.access_token;
    viewer = (await signIn(sandbox(), { credentials: { username: "alex", password: "alex" } })).tokens
      .access_token;
    assets = (await apiCall<AssetsPayload>(sandbox(), demo, "/assets?count=1000")).body.payload.assets;
  });
  beforeEach(async () => {
    await control().reset();
  });

  const send = async (
    body: string,
    options: { token?: string; contentType?: string; apiVersion?: string } = {},
  ) => {
    const response = await fetch(`${sandbox().apiUrl}/bulk`, {
      method: "POST",
      headers: {
        ...apiHeaders(sandbox(), options.token ?? demo),
        "Content-Type": options.contentType ?? `multipart/mixed; boundary=${BOUNDARY}`,
        ...(options.apiVersion ? { "x-mv-api-version": options.apiVersion } : {}),
      },
      body,
    });
    return { response, text: await response.text() };
  };

  it("runs every part in order and answers one application/http response per part, each with its own status", async () => {
    const [first, second] = someAssets(2);
    const { response, text } = await send(
      batch([
        { method: "POST", target: `/assets/${first?.id}/keywords`, body: ["bulk-one"] },
        {
          method: "PATCH",
          target: `/assets/${second?.id}`,
          body: [{ op: "replace", path: "/title", value: "Bulk title" }],
        },
        { method: "GET", target: `/assets/${first?.id}/keywords` },
        { method: "GET", target: "/assets/00000000-0000-4000-8000-000000000000" },
      ]),
    );

    expect(response.status).toBe(200);
    const contentType = response.headers.get("content-type") ?? "";
    // MediaValet's SDK reads the boundary from the first 38 characters: "--" and a GUID.
    expect(contentType).toMatch(/^multipart\/mixed; boundary=[0-9a-f-]{36}$/);
    const answers = readAnswer(contentType, text);
    expect(answers.map((answer) => [answer.status, answer.reason])).toEqual([
      [202, "Accepted"],
      [200, "OK"],
      [200, "OK"],
      [404, "Not Found"],
    ]);
    expect(answers[1]?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(answers[1]?.body ?? "")).toMatchObject({
      payload: { title: "Bulk title" },
      errors: [],
    });
    // The third part sees the keyword the first one added.
    expect(JSON.parse(answers[2]?.body ?? "").payload).toContainEqual(
      expect.objectContaining({ keywordName: "bulk-one" }),
    );
    expect(JSON.parse(answers[3]?.body ?? "")).toMatchObject({
      Message: expect.stringContaining("was not found"),
    });
    const stored = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${second?.id}`);
    expect(stored.body.payload.title).toBe("Bulk title");
  });

  it("runs a part as the user its own Authorization names, and fails only that part when the token is bad", async () => {
    const [asset] = someAssets(1);
    const { response, text } = await send(
      batch([
        {
          method: "POST",
          target: `/assets/${asset?.id}/keywords`,
          body: ["as-viewer"],
          headers: { Authorization: `Bearer ${viewer}` },
        },
        {
          method: "POST",
          target: `/assets/${asset?.id}/keywords`,
          body: ["bad-token"],
          headers: { Authorization: "Bearer nonsense" },
        },
        {
          method: "POST",
          target: `https://api.mediavalet.com/assets/${asset?.id}/keywords`,
          body: ["absolute"],
        },
      ]),
      { apiVersion: "1.2" },
    );
    expect(response.status).toBe(200);
    const answers = readAnswer(response.headers.get("content-type") ?? "", text);
    expect(answers.map((answer) => answer.status)).toEqual([403, 401, 202]);
    expect(JSON.parse(answers[0]?.body ?? "").Message).toBe(
      "You do not have the asset:editKeywords permission.",
    );
  });

  it("gives the read-only user a 403 per write part on 1.2 and a 401 on 1.0, naming the permission", async () => {
    const [asset] = someAssets(1);
    const parts = [
      {
        method: "PATCH",
        target: `/assets/${asset?.id}`,
        body: [{ op: "replace", path: "/title", value: "x" }],
      },
    ];
    for (const [version, status] of [
      ["1.2", 403],
      ["1.0", 401],
    ] as const) {
      const { text, response } = await send(batch(parts), { token: viewer, apiVersion: version });
      const [answer] = readAnswer(response.headers.get("content-type") ?? "", text);
      expect(answer?.status).toBe(status);
      expect(JSON.parse(answer?.body ?? "").Message).toBe(
        "You do not have the asset:editMetadata permission.",
      );
    }
  });

  it("refuses more than 200 parts as a whole, and runs none of them", async () => {
    const [asset] = someAssets(1);
    const parts = Array.from({ length: 201 }, () => ({
      method: "POST",
      target: `/assets/${asset?.id}/keywords`,
      body: ["too-many"],
    }));
    const { response, text } = await send(batch(parts));
    expect(response.status).toBe(400);
    expect(JSON.parse(text).Message).toBe("A batch holds at most 200 requests; this one has 201.");
    const keywords = await apiCall<{ keywordName: string }[]>(
      sandbox(),
      demo,
      `/assets/${asset?.id}/keywords`,
    );
    expect(keywords.body.payload.map((keyword) => keyword.keywordName)).not.toContain("too-many");
  });

  it("accepts exactly 200 parts", async () => {
    const [asset] = someAssets(1);
    const parts = Array.from({ length: 200 }, () => ({
      method: "GET",
      target: `/assets/${asset?.id}/keywords`,
    }));
    const { response, text } = await send(batch(parts));
    expect(response.status).toBe(200);
    expect(readAnswer(response.headers.get("content-type") ?? "", text)).toHaveLength(200);
  });

  it.each([
    [
      "no boundary",
      "multipart/mixed",
      batch([{ method: "GET", target: "/keywords" }]),
      "no boundary parameter",
    ],
    ["a JSON body", "application/json", "[]", "Content-Type must be multipart/mixed"],
    [
      "bare LF line ends",
      undefined,
      batch([{ method: "GET", target: "/keywords" }]).replace(/\r\n/g, "\n"),
      "CRLF",
    ],
    [
      "no closing delimiter",
      undefined,
      `--${BOUNDARY}\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /keywords HTTP/1.1\r\n\r\n`,
      "closing",
    ],
    [
      "a part of another type",
      undefined,
      `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
      "Part 1 must have Content-Type: application/http",
    ],
    [
      "no request line",
      undefined,
      `--${BOUNDARY}\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /keywords\r\n\r\n\r\n--${BOUNDARY}--\r\n`,
      "request line",
    ],
    ["no parts", undefined, `--${BOUNDARY}--\r\n`, "no parts"],
  ])(
    "refuses a batch with %s with 400 and a message saying what is wrong",
    async (_name, contentType, body, message) => {
      const { response, text } = await send(body, contentType === undefined ? {} : { contentType });
      expect(response.status).toBe(400);
      expect(JSON.parse(text).Message).toContain(message);
    },
  );

  it("reads a quoted boundary, a preamble, an epilogue and transport padding (RFC 2046)", async () => {
    const body = `preamble to ignore\r\n${batch(
      [{ method: "GET", target: "/keywords?count=1" }],
      "a b'c",
    ).replace("--a b'c\r\n", "--a b'c  \r\n")}epilogue to ignore`;
    const { response, text } = await send(body, { contentType: 'multipart/mixed; boundary="a b\'c"' });
    expect(response.status).toBe(200);
    expect(
      readAnswer(response.headers.get("content-type") ?? "", text).map((answer) => answer.status),
    ).toEqual([200]);
  });

  it("fails the parts a test names with the chosen status, runs the others, and then behaves again", async () => {
    const picked = someAssets(5);
    await control().failBulk({ status: 409, parts: [2, 4] });
    const parts = picked.map((asset) => ({
      method: "POST",
      target: `/assets/${asset.id}/keywords`,
      body: ["fault-test"],
    }));
    const first = await send(batch(parts));
    expect(
      readAnswer(first.response.headers.get("content-type") ?? "", first.text).map((a) => a.status),
    ).toEqual([202, 409, 202, 409, 202]);
    const failedAsset = await apiCall<AssetSummary>(sandbox(), demo, `/assets/${picked[1]?.id}`);
    expect(failedAsset.body.payload.keywords).not.toContain("fault-test");

    const again = await send(batch([parts[1] as Part, parts[3] as Part]));
    expect(
      readAnswer(again.response.headers.get("content-type") ?? "", again.text).map((a) => a.status),
    ).toEqual([202, 202]);
  });

  it("fails the first N parts with count", async () => {
    await control().failBulk({ status: 500, count: 3 });
    const parts = Array.from({ length: 4 }, () => ({ method: "GET", target: "/keywords?count=1" }));
    const { response, text } = await send(batch(parts));
    expect(readAnswer(response.headers.get("content-type") ?? "", text).map((a) => a.status)).toEqual([
      500, 500, 500, 200,
    ]);
  });

  it("answers a whole batch 429 with Retry-After when told to, then accepts the next", async () => {
    await control().failBulk({ status: 429, retryAfterSeconds: 7 });
    const parts = [{ method: "GET", target: "/keywords?count=1" }];
    const throttled = await send(batch(parts));
    expect(throttled.response.status).toBe(429);
    expect(throttled.response.headers.get("retry-after")).toBe("7");
    expect((await send(batch(parts))).response.status).toBe(200);
    const stats = await control().stats();
    expect(stats.bulkRequests).toBeGreaterThanOrEqual(2);
  });
});
