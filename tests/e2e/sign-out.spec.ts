import type { Page } from "@playwright/test";
import { expect, openSignedIn, storedUser, test } from "./fixtures";

const LANDING = "Your MediaValet library, in the browser";

/** Everything Valet or oidc-client-ts could have left in the page's storages and IndexedDB, as one list. */
function leftovers(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (const key of Object.keys(storage)) {
        // The verified discovery document and keys are public server facts, kept for the tab, not session data.
        if (/^valet\.(discovery|jwks):/.test(key)) continue;
        if (key.startsWith("valet.") || key.startsWith("oidc.")) found.push(key);
      }
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? "");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("IndexedDB would not open"));
      });
      for (const store of Array.from(database.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = database.transaction(store, "readonly").objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error("IndexedDB would not read"));
        });
        for (const record of records)
          found.push(`indexedDB ${info.name}/${store}: ${JSON.stringify(record)}`);
      }
      database.close();
    }
    return found;
  });
}

test.describe("Sign-out (OpenID Connect RP-Initiated Logout, as MediaValet's IdentityServer wants it)", () => {
  test("sends id_token_hint to end session, comes back to Valet's start page, and leaves nothing behind", async ({
    page,
    sandbox,
    site,
    control,
  }) => {
    await openSignedIn(page, "/session");
    // A renewal first, so that the IndexedDB refresh ledger holds a record that sign-out must clear.
    await page.getByRole("button", { name: "Renew now" }).click();
    await expect.poll(async () => (await control.stats()).refreshGrants).toBe(1);
    await expect(page.getByTestId("renewal-state")).toContainText("renewed at");
    expect((await leftovers(page)).some((entry) => entry.startsWith("indexedDB valet/"))).toBe(true);
    const idToken = (await storedUser(page)).id_token;
    expect(idToken).toBeTruthy();

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession`),
    );
    await page.getByRole("button", { name: "Sign out" }).first().click();
    const hint = new URL((await endSession).url()).searchParams;

    expect(hint.get("id_token_hint")).toBe(idToken);
    expect(hint.get("post_logout_redirect_uri")).toBe(site.url);
    await expect(page.getByRole("heading", { name: LANDING })).toBeVisible();
    expect(page.url()).toBe(site.url);
    // Never the auth server's own "Do you want to sign out?" page.
    await expect(page.getByRole("heading", { name: "Do you want to sign out?" })).toHaveCount(0);
    expect(await control.stats()).toMatchObject({ revocations: 1, endSessions: 1 });
    expect(await leftovers(page)).toEqual([]);

    // The session at the server is over too: the library asks for a password again.
    await page.goto("/assets");
    await expect(page.getByRole("heading", { name: "Sign in to MediaValet Sandbox" })).toBeVisible();
  });

  test("every open tab follows; exactly one tab visits end session", async ({ page, context, sandbox }) => {
    await openSignedIn(page, "/assets");
    const other = await context.newPage();
    await other.goto("/profile");
    await expect(other.getByRole("heading", { name: "Profile" })).toBeVisible();
    const endSessions: string[] = [];
    context.on("request", (request) => {
      // Not its confirmation step (/connect/endsession/confirm), which the sandbox posts by itself.
      if (request.url().startsWith(`${sandbox.authUrl}/connect/endsession?`)) endSessions.push(request.url());
    });

    await page.getByRole("button", { name: "Sign out" }).click();

    await expect(page.getByRole("heading", { name: LANDING })).toBeVisible();
    await expect(other.getByRole("heading", { name: LANDING })).toBeVisible();
    expect(endSessions).toHaveLength(1);
  });
});
