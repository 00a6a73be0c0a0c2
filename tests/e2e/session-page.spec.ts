import { expect, openSignedIn, test } from "./fixtures";

function toSeconds(countdown: string): number {
  const parts = countdown.split(":").map(Number);
  if (parts.length < 2 || parts.some((part) => !Number.isInteger(part))) {
    throw new Error(`"${countdown}" is not a countdown.`);
  }
  return parts.reduce((total, part) => total * 60 + part, 0);
}

test.describe("The session page", () => {
  test("counts the access token's life down, live", async ({ page }) => {
    await openSignedIn(page, "/session");
    const timer = page.getByTestId("expires-in");
    await expect(timer).toHaveText(/^\d+:\d\d(:\d\d)?$/);
    const before = toSeconds((await timer.textContent()) ?? "");
    expect(before).toBeGreaterThan(60);
    await expect
      .poll(async () => toSeconds((await timer.textContent()) ?? ""), { timeout: 5000 })
      .toBeLessThan(before);
    await expect(page.getByRole("list", { name: "Granted scopes" })).toContainText("api");
    await expect(page.getByTestId("session-name")).toHaveText("Dana Demo");
  });

  test("keeps tokens hidden until asked, and Renew now gets a new access token", async ({
    page,
    sandbox,
  }) => {
    await openSignedIn(page, "/session");
    await expect(page.getByTestId("renewal-state")).toHaveText("idle");
    const stored = await page.evaluate(() => {
      const key = Object.keys(sessionStorage)
        .concat(Object.keys(localStorage))
        .find((name) => name.includes("user"));
      return key ? (sessionStorage.getItem(key) ?? localStorage.getItem(key) ?? "") : "";
    });
    const accessToken = (JSON.parse(stored) as { access_token: string }).access_token;
    expect(accessToken.length).toBeGreaterThan(20);
    expect(await page.content()).not.toContain(accessToken);

    await page.getByRole("button", { name: "Reveal tokens" }).click();
    await expect(page.getByTestId("access-token")).toHaveText(accessToken);

    const refresh = page.waitForRequest(
      (request) =>
        request.url() === `${sandbox.authUrl}/connect/token` &&
        (request.postData() ?? "").includes("grant_type=refresh_token"),
    );
    await page.getByRole("button", { name: "Renew now" }).click();
    await refresh;
    await expect(page.getByTestId("renewal-state")).toHaveText(/^idle \(renewed at /);
    await expect(page.getByTestId("access-token")).not.toHaveText(accessToken);

    await page.getByRole("button", { name: "Hide tokens" }).click();
    await expect(page.getByTestId("access-token")).toHaveCount(0);
  });
});
