import type { BadIdToken } from "../../sandbox/control/SandboxControl";
import { expect, signInAtSandbox, storedUserKeys, test } from "./fixtures";

const badTokens: [BadIdToken, string][] = [
  ["wrong-iss", "not by the expected issuer"],
  ["wrong-aud", "not issued for this app"],
  ["missing-aud", "not issued for this app"],
  ["wrong-nonce", "does not answer this sign-in request"],
  ["missing-iat", "does not say when it was issued"],
  ["expired", "has expired"],
  ["bad-signature", "signature does not match"],
  ["alg-none", "unsigned or signed with an algorithm Valet does not accept"],
  ["unknown-kid", "signed with a key the server does not publish"],
];

test.describe("Every id_token is verified before anything is stored", () => {
  for (const [kind, says] of badTokens) {
    test(`an id_token with ${kind} is refused: nothing stored, no API or userinfo call, a way forward`, async ({
      page,
      control,
    }) => {
      await control.badIdToken(kind);
      await page.goto("/assets");
      await signInAtSandbox(page);

      await expect(page.getByRole("heading", { name: "Sign-in did not complete" })).toBeVisible();
      await expect(page.getByRole("alert")).toContainText(says);
      await expect(page.getByRole("alert")).toContainText("Nothing was stored.");
      expect(await storedUserKeys(page)).toEqual([]);
      const stats = await control.stats();
      expect(stats.codeGrants).toBe(1);
      expect(stats.apiRequests).toBe(0);
      expect(stats.userinfoRequests).toBe(0);

      // The way forward works: a fresh request, now with a good token, signs in.
      await page.getByRole("button", { name: "Sign in again" }).click();
      await expect(page.getByTestId("user-name")).toHaveText("Dana Demo");
    });
  }

  test("after the server rotates its keys, the JWKS is fetched again once and sign-in succeeds", async ({
    page,
    control,
  }) => {
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(
      page.getByRole("heading", { name: "Your MediaValet library, in the browser" }),
    ).toBeVisible();

    await control.rotateKeys();
    await control.resetStats();
    await page.goto("/assets");
    await signInAtSandbox(page);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    const stats = await control.stats();
    // A full page load per sign-in: one JWKS fetch for the new key, not one per token or per retry.
    expect(stats.jwksRequests).toBe(1);
  });

  test("the good-token path signs in and stores the verified user", async ({ page, control }) => {
    await page.goto("/assets?search=beach");
    await signInAtSandbox(page);
    await expect(page).toHaveURL(/\/assets\?search=beach$/);
    const stats = await control.stats();
    // Discovery and keys are verified once and kept for the tab's session: one request each for the whole flow.
    expect(stats.discoveryRequests).toBe(1);
    expect(stats.jwksRequests).toBe(1);
    expect(stats.tokenRequests).toBe(1);
    expect(stats.userinfoRequests).toBe(0);
  });
});
