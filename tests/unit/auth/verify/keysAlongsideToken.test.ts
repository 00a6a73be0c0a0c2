// @vitest-environment node
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientId, createManagerWithServer, issuer, recordRedirects } from "../fakeAuthServer";

describe("The sign-in callback (issue 16)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the server's keys while the code is exchanged, not after the token response", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k-1", alg: "ES256", use: "sig" };
    let answerToken!: (response: Response) => void;
    const { manager, posts, keyRequests } = createManagerWithServer(
      {},
      () => new Promise<Response>((resolve) => (answerToken = resolve)),
      () => Response.json({ keys: [jwk] }),
    );
    // A sign-in this browser started: its state is stored, with the nonce the id_token must carry.
    const redirects = recordRedirects(manager);
    const nonce = "n-0123456789";
    void manager.signinRedirect({ state: { nonce }, nonce });
    await vi.waitFor(() => expect(redirects).toHaveLength(1));
    const state = new URL(redirects[0] ?? "").searchParams.get("state") ?? "";
    const callback = `https://valet.example/callback?${new URLSearchParams({ code: "c-1", state, iss: issuer })}`;

    const completion = manager.signinCallback(callback);
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    // The token response has not arrived, and the keys are already on their way.
    await vi.waitFor(() => expect(keyRequests).toHaveLength(1));

    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({
      iss: issuer,
      aud: clientId,
      sub: "user-1",
      iat: now,
      exp: now + 300,
      nonce,
    })
      .setProtectedHeader({ alg: "ES256", kid: "k-1" })
      .sign(privateKey);
    answerToken(
      Response.json({ access_token: "at-1", token_type: "Bearer", expires_in: 3600, id_token: idToken }),
    );
    const user = await completion;
    expect(user?.profile.sub).toBe("user-1");
    // The keys fetched alongside are the ones the id_token was verified with: no second request.
    expect(keyRequests).toHaveLength(1);
  });
});
