import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page, Request } from "@playwright/test";
import { startNodeRelay, type NodeRelay } from "../../relay/node";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../../sandbox/auth/clients";
import { expect, openSignedIn, test } from "./fixtures";

// Short-lived access tokens: renewal comes a third of the lifetime before expiry, so at 60 s of a 90 s token.
const LIFETIME = 90;

/** Every file of the build the suite serves, as text. */
async function builtFiles(dir: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path, text: await readFile(path, "latin1") });
  }
  return files;
}

/** Everything the page keeps: both storages and every IndexedDB record, as one text. */
function storedEverything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [
      JSON.stringify(Object.entries(localStorage)),
      JSON.stringify(Object.entries(sessionStorage)),
    ];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? "");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("IndexedDB would not open"));
      });
      for (const store of Array.from(database.objectStoreNames)) {
        parts.push(
          JSON.stringify(
            await new Promise<unknown[]>((resolve, reject) => {
              const request = database.transaction(store, "readonly").objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result as unknown[]);
              request.onerror = () => reject(request.error ?? new Error("IndexedDB would not read"));
            }),
          ),
        );
      }
      database.close();
    }
    return parts.join("\n");
  });
}

/** What a request carried, all of it: URL, headers and body. */
async function described(request: Request): Promise<string> {
  return [request.url(), JSON.stringify(await request.allHeaders()), request.postData() ?? ""].join("\n");
}

let relay: NodeRelay;

test.describe("A confidential client through the token relay", () => {
  test.beforeAll(async ({ sandbox, site }) => {
    relay = await startNodeRelay({
      tokenEndpoint: `${sandbox.authUrl}/connect/token`,
      revocationEndpoint: `${sandbox.authUrl}/connect/revocation`,
      clientId: CONFIDENTIAL_CLIENT_ID,
      clientSecret: CONFIDENTIAL_CLIENT_SECRET,
      allowedOrigins: [site.origin],
      allowPasswordGrant: false,
    });
  });
  test.afterAll(async () => {
    await relay.close();
  });
  test.beforeEach(({ appConfig }) => {
    appConfig.override({ clientId: CONFIDENTIAL_CLIENT_ID, tokenRelayUrl: relay.url });
  });

  test("signs in, renews and signs out through the relay; the secret is never in the browser", async ({
    page,
    context,
    sandbox,
    site,
    control,
  }) => {
    await control.setLifetimes({ accessToken: LIFETIME });
    const requests: Promise<string>[] = [];
    const tokenRequests: string[] = [];
    const onRequest = (request: Request) => {
      requests.push(described(request));
      // Form posts of the sign-in pages are navigations; the page's own token requests are fetches.
      if (request.method() === "POST" && request.resourceType() === "fetch")
        tokenRequests.push(request.url());
    };
    context.on("request", onRequest);
    // The page's clock, so that renewal comes without waiting a minute; the network and the server keep real time.
    await page.clock.install();

    await openSignedIn(page, "/assets");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    expect(await control.stats()).toMatchObject({ codeGrants: 1 });

    await page.clock.fastForward((LIFETIME - 25) * 1000);
    await expect.poll(async () => (await control.stats()).refreshGrants).toBe(1);
    await page.goto("/profile");
    await expect(page.getByTestId("profile-name")).toHaveText("Dana Demo");
    expect(await storedEverything(page)).not.toContain(CONFIDENTIAL_CLIENT_SECRET);

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession?`),
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    expect(new URL((await endSession).url()).searchParams.get("id_token_hint")).toBeTruthy();
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();
    expect(page.url()).toBe(site.url);
    expect(await control.stats()).toMatchObject({ codeGrants: 1, refreshGrants: 1, revocations: 1 });
    // What the start page asks for later (it prefetches the sign-in return's code when idle) is no part of this
    // session, and a request still being read when the test ends would fail it.
    context.off("request", onRequest);

    // Every POST the page fetched went to the relay: the code exchange, the refresh, the revocation.
    const posts = tokenRequests.filter((url) => !url.startsWith(sandbox.apiUrl));
    expect(posts).toEqual([`${relay.url}/token`, `${relay.url}/token`, `${relay.url}/revocation`]);
    for (const request of await Promise.all(requests))
      expect(request).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    expect(await storedEverything(page)).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
  });

  test("the built site holds no secret, and the CSP lets the page reach the relay", async ({ page }) => {
    const files = await builtFiles(process.env.VALET_E2E_DIST ?? "dist");
    expect(files.filter((file) => file.path.endsWith(".js")).length).toBeGreaterThan(0);
    expect(
      files.filter((file) => file.text.includes(CONFIDENTIAL_CLIENT_SECRET)).map((file) => file.path),
    ).toEqual([]);

    const response = await page.goto("/");
    const csp = response?.headers()["content-security-policy"] ?? "";
    const connect = csp.split("; ").find((directive) => directive.startsWith("connect-src ")) ?? "";
    expect(connect.split(" ")).toContain(new URL(relay.url).origin);
  });
});
