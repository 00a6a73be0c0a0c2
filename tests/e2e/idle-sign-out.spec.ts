import { expect, signInAtSandbox, test } from "./fixtures";

test.describe("Idle sign-out", () => {
  test("is off unless the deployment turns it on", async ({ page }) => {
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
  });

  test("counts down, can be put off, then signs out in every tab", async ({
    page,
    context,
    appConfig,
    sandbox,
  }) => {
    test.setTimeout(60_000);
    // 12 s without activity; the countdown shows for the last 6.
    appConfig.override({ idleSignOutMinutes: 0.2 });
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    const other = await context.newPage();
    await other.goto("/profile");
    await expect(other.getByRole("heading", { name: "Profile" })).toBeVisible();

    const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
    await expect(warning).toBeVisible({ timeout: 15_000 });
    await expect(warning).toContainText("will sign you out in");
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning).toHaveCount(0);

    // Both tabs count the same shared idle time; whichever gets there first signs out, and the other follows.
    const endSession = context.waitForEvent("request", (request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession`),
    );
    await expect(warning).toBeVisible({ timeout: 15_000 });
    await endSession;
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    await expect(
      other.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
  });
});
