import type { Page } from "@playwright/test";
import { createHash, randomUUID } from "node:crypto";
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import type { Sandbox } from "../../sandbox/startSandbox";
import { expect, openSignedIn, test } from "./fixtures";

// Sender-constrained tokens (RFC 9449) against the real sandbox: oidc-provider binds the tokens, the sandbox API
// checks the proofs. The page's clock is never faked here: a proof carries the time it was made, and both servers
// refuse one from the future.

/** The session oidc-client-ts keeps in localStorage: the fields this spec reads. */
interface BoundUser {
  access_token?: string;
  token_type?: string;
}

async function storedSession(page: Page): Promise<BoundUser> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith("valet.user"));
    return JSON.parse((key && localStorage.getItem(key)) || "{}") as BoundUser;
  });
}

/**
 * The DPoP key oidc-client-ts keeps in IndexedDB (database "oidc", store "dpop", keyed by client id): its public
 * JWK and whether the private key can be exported; null when there is none.
 */
async function storedKey(page: Page): Promise<{ jwk: JWK; extractable: boolean } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("oidc");
      open.onupgradeneeded = () => open.result.createObjectStore("dpop");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const state = await new Promise<{ keys?: CryptoKeyPair } | undefined>((resolve, reject) => {
      const get = db.transaction("dpop", "readonly").objectStore("dpop").get("valet");
      get.onsuccess = () => resolve(get.result as { keys?: CryptoKeyPair } | undefined);
      get.onerror = () => reject(get.error);
    });
    db.close();
    if (!state?.keys) return null;
    const jwk = (await crypto.subtle.exportKey("jwk", state.keys.publicKey)) as Record<string, unknown>;
    return { jwk, extractable: state.keys.privateKey.extractable };
  });
}

/** What the page sent to the API: each call's method, URL and its Authorization and DPoP headers. */
function recordApiCalls(page: Page, sandbox: Sandbox) {
  const calls: { method: string; url: string; authorization?: string; dpop?: string }[] = [];
  page.on("request", async (request) => {
    if (!request.url().startsWith(sandbox.apiUrl) || request.method() === "OPTIONS") return;
    // A request still in flight when the test ends has no headers to read any more.
    const headers = await request.allHeaders().catch(() => undefined);
    // API calls carry the subscription key; thumbnails and media from the same host carry no credentials.
    if (headers?.["ocp-apim-subscription-key"] === undefined) return;
    calls.push({
      method: request.method(),
      url: request.url(),
      authorization: headers["authorization"],
      dpop: headers["dpop"],
    });
  });
  return calls;
}

function callApi(
  sandbox: Sandbox,
  headers: Record<string, string>,
  url = `${sandbox.apiUrl}/users/current`,
): Promise<Response> {
  return fetch(url, { headers: { "Ocp-Apim-Subscription-Key": sandbox.subscriptionKey, ...headers } });
}

async function strangerProof(url: string, accessToken: string): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  return new SignJWT({
    htm: "GET",
    htu: url,
    ath: createHash("sha256").update(accessToken).digest("base64url"),
  })
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: await exportJWK(publicKey) })
    .setJti(randomUUID())
    .setIssuedAt()
    .sign(privateKey);
}

test.describe("DPoP, with dpop: true in config.json", () => {
  test.beforeEach(({ appConfig }) => {
    appConfig.override({ dpop: true });
  });

  test("tokens are bound to a key that never leaves the browser, and every API call carries a fresh proof", async ({
    page,
    sandbox,
  }) => {
    const calls = recordApiCalls(page, sandbox);
    await openSignedIn(page, "/assets");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();

    const session = await storedSession(page);
    expect(session.token_type).toBe("DPoP");
    const key = await storedKey(page);
    expect(key?.extractable).toBe(false);
    const jkt = (decodeJwt(session.access_token ?? "").cnf as { jkt?: string } | undefined)?.jkt;
    expect(jkt).toBe(await calculateJwkThumbprint(key?.jwk ?? {}));

    await expect.poll(() => calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.authorization).toBe(`DPoP ${session.access_token}`);
      const proof = decodeJwt(call.dpop ?? "");
      expect(proof.htm).toBe(call.method);
      expect(proof.htu).toBe(call.url.split("?")[0]);
    }
    expect(new Set(calls.map((call) => decodeJwt(call.dpop ?? "").jti)).size).toBe(calls.length);
  });

  test("a bound token replayed without a proof, as Bearer, with a spent proof or with another key's is refused", async ({
    page,
    sandbox,
  }) => {
    const calls = recordApiCalls(page, sandbox);
    await openSignedIn(page, "/assets");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    const token = (await storedSession(page)).access_token ?? "";
    await expect.poll(() => calls.some((call) => call.method === "GET")).toBe(true);
    const spent = calls.find((call) => call.method === "GET");

    const attempts = {
      "no proof": await callApi(sandbox, { Authorization: `DPoP ${token}` }),
      bearer: await callApi(sandbox, { Authorization: `Bearer ${token}` }),
      "another key": await callApi(sandbox, {
        Authorization: `DPoP ${token}`,
        DPoP: await strangerProof(`${sandbox.apiUrl}/users/current`, token),
      }),
      ...(spent?.dpop
        ? {
            "a spent proof": await callApi(
              sandbox,
              { Authorization: `DPoP ${token}`, DPoP: spent.dpop },
              spent.url,
            ),
          }
        : {}),
    };
    expect(spent?.dpop, "the page's GET carried a proof").toBeTruthy();
    expect(
      Object.fromEntries(Object.entries(attempts).map(([name, answer]) => [name, answer.status])),
    ).toEqual({
      "no proof": 401,
      bearer: 401,
      "another key": 401,
      "a spent proof": 401,
    });
  });

  test("when the API asks for its nonce, a refused call is retried once with it and the page works", async ({
    page,
    sandbox,
    control,
  }) => {
    await control.requireDpopNonce(true);
    const calls = recordApiCalls(page, sandbox);
    const answers: number[] = [];
    page.on("response", (response) => {
      if (response.url().startsWith(sandbox.apiUrl) && response.request().method() !== "OPTIONS") {
        answers.push(response.status());
      }
    });
    await openSignedIn(page, "/assets");
    await expect(page.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();

    // The first calls went without a nonce and were refused; their retries, and every call after, carry it.
    expect(answers).toContain(401);
    const nonces = calls.map((call) => decodeJwt(call.dpop ?? "").nonce);
    expect(nonces[0]).toBeUndefined();
    expect(nonces.filter((nonce) => nonce !== undefined).length).toBeGreaterThan(0);
    expect(new Set(nonces.filter((nonce) => nonce !== undefined)).size).toBe(1);
  });

  test("signing out removes the key", async ({ page, sandbox }) => {
    await openSignedIn(page, "/assets");
    await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
    expect(await storedKey(page)).not.toBeNull();

    const endSession = page.waitForRequest((request) =>
      request.url().startsWith(`${sandbox.authUrl}/connect/endsession`),
    );
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await endSession;
    await expect(page.getByRole("button", { name: "Sign in" }).first()).toBeVisible();
    expect(await storedKey(page)).toBeNull();
  });

  test("three tabs pressing Renew now at once send each refresh token once, and stay bound to the one key", async ({
    page,
    context,
    control,
  }) => {
    await openSignedIn(page, "/session");
    const tabs = [page, await context.newPage(), await context.newPage()];
    for (const tab of tabs.slice(1)) {
      await tab.goto("/session");
      await expect(tab.getByTestId("session-name")).toHaveText("Dana Demo");
    }
    const firstJkt = decodeJwt((await storedSession(page)).access_token ?? "").cnf;

    // Renewal is asked for in every tab at the same moment, twice: the tabs share the lock and the ledger, so no
    // refresh token goes to the server twice (a rotating server would revoke the session if one did).
    for (const round of [1, 2]) {
      await Promise.all(tabs.map((tab) => tab.getByRole("button", { name: "Renew now" }).click()));
      for (const tab of tabs) {
        await expect(tab.getByTestId("renewal-state")).toHaveText(/^idle \(renewed at /);
      }
      const stats = await control.stats();
      expect(stats.refreshGrants).toBeGreaterThanOrEqual(round);
      expect(stats.refreshReuse).toBe(0);
    }
    const renewed = await storedSession(page);
    expect(renewed.token_type).toBe("DPoP");
    expect(decodeJwt(renewed.access_token ?? "").cnf).toEqual(firstJkt);
    for (const tab of tabs) {
      await tab.goto("/assets?search=beach");
      await expect(tab.getByRole("list", { name: "Assets" }).locator("img").first()).toBeVisible();
    }
    expect((await control.stats()).refreshReuse).toBe(0);
  });
});
