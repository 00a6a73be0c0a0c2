import { expect, openSignedIn, signedInTest, storedUser, test } from "./fixtures";

test.describe("The session page", () => {
  signedInTest(
    "shows who is signed in, the granted scopes, and keeps tokens hidden until asked",
    async ({ page }) => {
      await page.goto("/session");
      await expect(page.getByTestId("session-name")).toHaveText("Dana Demo");
      await expect(page.getByRole("list", { name: "Granted scopes" })).toContainText("api");
      const accessToken = (await storedUser(page)).access_token ?? "";
      expect(accessToken.length).toBeGreaterThan(20);
      expect(await page.content()).not.toContain(accessToken);

      await page.getByRole("button", { name: "Reveal tokens" }).click();
      await expect(page.getByTestId("access-token")).toHaveText(accessToken);
      await page.getByRole("button", { name: "Hide tokens" }).click();
      await expect(page.getByTestId("access-token")).toHaveCount(0);
    },
  );

  test("Renew now gets a new access token with one refresh", async ({ page, control }) => {
    await openSignedIn(page, "/session");
    await expect(page.getByTestId("renewal-state")).toHaveText("idle");
    await page.getByRole("button", { name: "Reveal tokens" }).click();
    const accessToken = (await page.getByTestId("access-token").textContent()) ?? "";
    expect(accessToken.length).toBeGreaterThan(20);

    await page.getByRole("button", { name: "Renew now" }).click();
    await expect(page.getByTestId("renewal-state")).toHaveText(/^idle \(renewed at /);
    await expect(page.getByTestId("access-token")).not.toHaveText(accessToken);
    const stats = await control.stats();
    expect(stats.refreshGrants).toBe(1);
    expect(stats.refreshReuse).toBe(0);
  });
});
