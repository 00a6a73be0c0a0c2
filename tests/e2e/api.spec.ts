import { expect, test } from "./fixtures";

test.describe("The sandbox's DAM API", () => {
  test("rejects a request without the subscription key, as MediaValet's gateway does", async ({
    request,
    sandbox,
  }) => {
    const response = await request.get(`${sandbox.apiUrl}/assets`, {
      headers: { Authorization: "Bearer not-a-token" },
    });
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain("missing subscription key");
  });

  test("rejects a request without a token even with the key", async ({ request, sandbox }) => {
    const response = await request.get(`${sandbox.apiUrl}/assets`, {
      headers: { "Ocp-Apim-Subscription-Key": sandbox.subscriptionKey },
    });
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toContain("Bearer");
  });
});
