import { expect, signInAtSandbox, storedUserKeys, test } from "./fixtures";

test.describe("Signing in", () => {
  test("a cold sign-in lands on the library with thumbnails loaded", async ({ page, sandbox }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in" }).first().click();

    await expect(page).toHaveURL(new RegExp(`^${sandbox.authUrl}/`));
    await signInAtSandbox(page);

    await expect(page).toHaveURL(/\/assets$/);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    const thumbnails = page.getByRole("list", { name: "Assets" }).locator("img");
    await expect(thumbnails.first()).toBeVisible();
    expect(await thumbnails.count()).toBeGreaterThan(10);
    // Every thumbnail really loaded from the API's media URLs.
    await expect
      .poll(() =>
        thumbnails.evaluateAll((images) =>
          images.slice(0, 8).every((image) => (image as HTMLImageElement).naturalWidth > 0),
        ),
      )
      .toBe(true);
    // No code or state is left in the address bar or in history.
    expect(page.url()).not.toMatch(/[?&](code|state)=/);
  });

  test("while the code is exchanged, and while a reload reads the session, the header offers no Sign in", async ({
    page,
    sandbox,
  }) => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tokenAsked = new Promise<true>((asked) =>
      page.route(`${sandbox.authUrl}/**/token`, async (route) => {
        asked(true);
        await released;
        await route.continue();
      }),
    );
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in" }).first().click();
    await signInAtSandbox(page);

    await tokenAsked;
    const header = page.getByRole("banner");
    await expect(page.getByText("Completing sign-in…")).toBeVisible();
    await expect(header.getByRole("button", { name: "Sign in" })).toBeDisabled();
    release();
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.unroute(`${sandbox.authUrl}/**/token`);

    // A reload reads the stored session before it offers anything: never "Sign in" to someone signed in.
    const offered: string[] = [];
    await page.exposeFunction("valetHeaderOffered", (name: string) => offered.push(name));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        document.querySelectorAll("header button").forEach((button) => {
          (window as unknown as { valetHeaderOffered(name: string): void }).valetHeaderOffered(
            button.textContent?.trim() ?? "",
          );
        });
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(offered).not.toContain("Sign in");
    expect(offered).toContain("Sign out");
  });

  test("a deep link opened while signed out comes back to exactly that page", async ({ page }) => {
    await page.goto("/assets?search=beach");
    await signInAtSandbox(page);

    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    await expect(page.getByLabel("Search assets")).toHaveValue("beach");
    const titles = page.getByRole("list", { name: "Assets" }).locator(".asset-title");
    await expect(titles.first()).toBeVisible();
    const count = await titles.count();
    expect(count).toBeGreaterThan(0);
  });

  test("a wrong password shows the sandbox's error and stays on its page", async ({ page, sandbox }) => {
    await page.goto("/assets");
    await signInAtSandbox(page, { username: "demo", password: "not-the-password" });

    await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
    await expect(page).toHaveURL(new RegExp(`^${sandbox.authUrl}/`));
    await expect(page.getByLabel("Username")).toHaveValue("demo");
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("the profile shows the MediaValet user and the id_token's name", async ({ page }) => {
    await page.goto("/profile");
    await signInAtSandbox(page);

    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await expect(page.getByTestId("profile-name")).toHaveText("Dana Demo");
    await expect(page.getByText("dana.demo@example.com").first()).toBeVisible();
  });
});

test.describe("Signing out", () => {
  test("ends the session at the server, returns to the landing page, and protects the library again", async ({
    page,
    sandbox,
  }) => {
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession`),
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    await endSession;

    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(await storedUserKeys(page)).toEqual([]);

    // The server session is over too: the library sends us to the sign-in page, not straight back in.
    await page.goto("/assets");
    await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
  });
});
