import { expect, signInAtSandbox, test } from "./fixtures";

test.describe("Idle sign-out", () => {
  test("counts down, can be put off, then signs out in every tab", async ({
    page,
    context,
    appConfig,
    control,
  }) => {
    // A realistic quarter of an hour, passed on the pages' clock; the countdown shows for the last minute.
    const idleMs = 15 * 60_000;
    appConfig.override({ idleSignOutMinutes: 15 });
    await context.clock.install();
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    const other = await context.newPage();
    await other.goto("/profile");
    await expect(other.getByRole("heading", { name: "Profile" })).toBeVisible();

    const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
    await context.clock.fastForward(idleMs - 30_000);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("will sign you out in");
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning).toHaveCount(0);
    // Chromium hands a localStorage write to other tabs asynchronously. A person takes minutes to be idle; the
    // clock below takes a millisecond, so let the other tab see the new activity first, or it would still count
    // from the old one and sign both tabs out early.
    const recorded = await page.evaluate(() => localStorage.getItem("valet.lastActivity"));
    await expect.poll(() => other.evaluate(() => localStorage.getItem("valet.lastActivity"))).toBe(recorded);

    // Put off: the time left starts over, so the warning is back only near the end of a full period.
    await context.clock.fastForward(idleMs - 90_000);
    await expect(warning).toHaveCount(0);
    await context.clock.fastForward(60_000);
    await expect(warning).toBeVisible();
    // Both tabs count the same shared idle time; whichever gets there first signs out, and the other follows.
    await context.clock.fastForward(60_000);
    await expect.poll(async () => (await control.stats()).endSessions).toBe(1);
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    await expect(
      other.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
  });
});
