import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "../../../src/api";
import { testAuthorizer } from "../helpers/testApiOptions";

function clientAnswering(answer: (init: RequestInit) => Response) {
  const seen: RequestInit[] = [];
  const client = createApiClient({
    baseUrl: "https://api.example",
    subscriptionKey: "key",
    apiVersion: "1.2",
    authorizer: testAuthorizer(() => "token"),
    fetch: async (_url, init) => {
      seen.push(init ?? {});
      return answer(init ?? {});
    },
  });
  return { client, seen };
}

const multipart = (boundary: string, ...statuses: number[]) =>
  statuses
    .map(
      (status) =>
        `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 ${status} X\r\n\r\n{}\r\n`,
    )
    .join("") + `--${boundary}--\r\n`;

describe("sendBulk", () => {
  it("posts one multipart/mixed batch with the token and key, and returns each part's answer", async () => {
    const { client, seen } = clientAnswering(
      () =>
        new Response(multipart("g", 202, 404), {
          status: 200,
          headers: { "Content-Type": "multipart/mixed; boundary=g" },
        }),
    );
    const parts = await client.sendBulk([
      { method: "POST", path: "/assets/a/keywords", body: ["x"] },
      { method: "DELETE", path: "/assets/b/categories/c" },
    ]);

    expect(parts.map((part) => part.status)).toEqual([202, 404]);
    const headers = seen[0]?.headers as Record<string, string>;
    expect(seen[0]?.method).toBe("POST");
    expect(headers["Content-Type"]).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(headers["Authorization"]).toBe("Bearer token");
    expect(String(seen[0]?.body)).toContain("POST /assets/a/keywords HTTP/1.1\r\n");
  });

  it("refuses an answer with fewer parts than requests rather than guessing which ones ran", async () => {
    const { client } = clientAnswering(
      () =>
        new Response(multipart("g", 202), {
          status: 200,
          headers: { "Content-Type": "multipart/mixed; boundary=g" },
        }),
    );
    const sent = client.sendBulk([
      { method: "GET", path: "/assets/a" },
      { method: "GET", path: "/assets/b" },
    ]);
    await expect(sent).rejects.toMatchObject({ code: "bad_response" });
  });

  it("turns a long whole-batch 429 into a throttled ApiError carrying Retry-After", async () => {
    const { client } = clientAnswering(
      () =>
        new Response('{"statusCode":429,"message":"Rate limit"}', {
          status: 429,
          headers: { "Retry-After": "60" },
        }),
    );
    const error = await client
      .sendBulk([{ method: "GET", path: "/assets/a" }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "throttled", retryAfterSeconds: 60 });
  });
});
