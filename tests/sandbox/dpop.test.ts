import { createHash, randomUUID } from "node:crypto";
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../sandbox/api/apiError";
import { createDPoPProofVerifier } from "../../sandbox/api/dpopProof";
import { createSandboxControl } from "../../sandbox/control/SandboxControl";
import { CookieJar } from "./helpers/cookieJar";
import {
  TEST_APP_ORIGIN,
  TEST_CLIENT_ID,
  authorizationRequest,
  authorize,
  type TokenResponse,
} from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

interface ProofKey {
  privateKey: CryptoKey;
  thumbprint: string;
  proof(
    method: string,
    url: string,
    claims?: { accessToken?: string; iat?: number; jti?: string; nonce?: string },
  ): Promise<string>;
}

/** A client's DPoP key, and proofs as RFC 9449 §4.2 has a client make them (ES256, the key in the header). */
async function proofKey(): Promise<ProofKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwk = await exportJWK(publicKey);
  return {
    privateKey,
    thumbprint: await calculateJwkThumbprint(jwk),
    proof: (method, url, claims = {}) =>
      new SignJWT({
        htm: method,
        htu: url,
        ...(claims.accessToken
          ? { ath: createHash("sha256").update(claims.accessToken).digest("base64url") }
          : {}),
        ...(claims.nonce ? { nonce: claims.nonce } : {}),
      })
        .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
        .setJti(claims.jti ?? randomUUID())
        .setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000))
        .sign(privateKey),
  };
}

describe("DPoP (RFC 9449) at the auth server and the API", () => {
  const sandbox = useSandbox();
  const tokenUrl = () => `${sandbox().authUrl}/connect/token`;
  const assetsUrl = () => `${sandbox().apiUrl}/assets`;

  async function tokenRequest(params: Record<string, string>, proof?: string): Promise<Response> {
    return fetch(tokenUrl(), {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: TEST_APP_ORIGIN,
        ...(proof ? { DPoP: proof } : {}),
      },
      body: new URLSearchParams(params),
    });
  }

  /** Valet's sign-in with DPoP on: the code exchange carries a proof by `key`. */
  async function boundSignIn(key: ProofKey): Promise<TokenResponse> {
    const request = authorizationRequest(sandbox());
    const callback = await authorize(new CookieJar(), request);
    const response = await tokenRequest(
      {
        grant_type: "authorization_code",
        client_id: TEST_CLIENT_ID,
        code: callback.searchParams.get("code") ?? "",
        redirect_uri: request.redirectUri,
        code_verifier: request.codeVerifier,
      },
      await key.proof("POST", tokenUrl()),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as TokenResponse;
  }

  function callApi(authorization: string, proof?: string, url = assetsUrl()): Promise<Response> {
    return fetch(url, {
      headers: {
        "Ocp-Apim-Subscription-Key": sandbox().subscriptionKey,
        Authorization: authorization,
        ...(proof ? { DPoP: proof } : {}),
      },
    });
  }

  it("binds the tokens of a code exchange with a proof to the proof's key", async () => {
    const key = await proofKey();
    const tokens = await boundSignIn(key);
    expect(tokens.token_type).toBe("DPoP");
    expect(decodeJwt(tokens.access_token).cnf).toEqual({ jkt: key.thumbprint });
  });

  it("accepts a bound token as DPoP with a proof by its key, naming the request and the token", async () => {
    const key = await proofKey();
    const { access_token } = await boundSignIn(key);
    const proof = await key.proof("GET", assetsUrl(), { accessToken: access_token });
    const response = await callApi(`DPoP ${access_token}`, proof, `${assetsUrl()}?count=1`);
    expect(response.status).toBe(200);
  });

  it("refuses a bound token sent as Bearer", async () => {
    const key = await proofKey();
    const { access_token } = await boundSignIn(key);
    const response = await callApi(`Bearer ${access_token}`);
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });

  it("refuses a bound token with a proof by another key", async () => {
    const { access_token } = await boundSignIn(await proofKey());
    const stranger = await proofKey();
    const response = await callApi(
      `DPoP ${access_token}`,
      await stranger.proof("GET", assetsUrl(), { accessToken: access_token }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^DPoP error="invalid_token"/);
  });

  it.each([
    ["no proof", async () => undefined],
    [
      "a proof for another method",
      async (key: ProofKey, token: string) => key.proof("POST", assetsUrl(), { accessToken: token }),
    ],
    [
      "a proof for another URL",
      async (key: ProofKey, token: string) =>
        key.proof("GET", `${assetsUrl()}/other`, { accessToken: token }),
    ],
    [
      "a proof for another token",
      async (key: ProofKey) => key.proof("GET", assetsUrl(), { accessToken: "other" }),
    ],
    ["a proof without ath", async (key: ProofKey) => key.proof("GET", assetsUrl())],
    [
      "a proof made two minutes ago",
      async (key: ProofKey, token: string) =>
        key.proof("GET", assetsUrl(), { accessToken: token, iat: Math.floor(Date.now() / 1000) - 120 }),
    ],
    [
      "two proofs",
      async (key: ProofKey, token: string) => {
        const one = await key.proof("GET", assetsUrl(), { accessToken: token });
        return `${one}, ${await key.proof("GET", assetsUrl(), { accessToken: token })}`;
      },
    ],
  ])("refuses a bound token with %s as invalid_dpop_proof", async (_name, makeProof) => {
    const key = await proofKey();
    const { access_token } = await boundSignIn(key);
    const response = await callApi(`DPoP ${access_token}`, await makeProof(key, access_token));
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^DPoP error="invalid_dpop_proof"/);
  });

  it("refuses a proof used a second time", async () => {
    const key = await proofKey();
    const { access_token } = await boundSignIn(key);
    const proof = await key.proof("GET", assetsUrl(), { accessToken: access_token });
    expect((await callApi(`DPoP ${access_token}`, proof)).status).toBe(200);
    expect((await callApi(`DPoP ${access_token}`, proof)).status).toBe(401);
  });

  it("refuses an unbound token sent as DPoP", async () => {
    const key = await proofKey();
    const request = authorizationRequest(sandbox());
    const callback = await authorize(new CookieJar(), request);
    const response = await tokenRequest({
      grant_type: "authorization_code",
      client_id: TEST_CLIENT_ID,
      code: callback.searchParams.get("code") ?? "",
      redirect_uri: request.redirectUri,
      code_verifier: request.codeVerifier,
    });
    const { access_token, token_type } = (await response.json()) as TokenResponse;
    expect(token_type).toBe("Bearer");
    const answer = await callApi(
      `DPoP ${access_token}`,
      await key.proof("GET", assetsUrl(), { accessToken: access_token }),
    );
    expect(answer.status).toBe(401);
  });

  it("renews a bound session only with a proof by the same key, and binds the new token to it", async () => {
    const key = await proofKey();
    const { refresh_token } = await boundSignIn(key);
    const refresh = {
      grant_type: "refresh_token",
      client_id: TEST_CLIENT_ID,
      refresh_token: refresh_token ?? "",
    };

    expect((await tokenRequest(refresh)).status).toBe(400);
    expect((await tokenRequest(refresh, await (await proofKey()).proof("POST", tokenUrl()))).status).toBe(
      400,
    );
    const renewed = await tokenRequest(refresh, await key.proof("POST", tokenUrl()));
    expect(renewed.status).toBe(200);
    const tokens = (await renewed.json()) as TokenResponse;
    expect(decodeJwt(tokens.access_token).cnf).toEqual({ jkt: key.thumbprint });
  });

  it("lets the app send the DPoP header and read DPoP-Nonce and WWW-Authenticate", async () => {
    const preflight = await fetch(assetsUrl(), {
      method: "OPTIONS",
      headers: {
        Origin: TEST_APP_ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization,dpop,ocp-apim-subscription-key",
      },
    });
    expect((preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase()).toContain("dpop");
    const answer = await fetch(assetsUrl(), { headers: { Origin: TEST_APP_ORIGIN } });
    const exposed = (answer.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    expect(exposed).toContain("dpop-nonce");
    expect(exposed).toContain("www-authenticate");
  });
});

describe("the API with its DPoP nonce required by the test controls", () => {
  const sandbox = useSandbox({ testControls: true });

  it("answers a proof without the nonce with use_dpop_nonce and a DPoP-Nonce the app may read", async () => {
    const control = createSandboxControl(sandbox());
    await control.requireDpopNonce(true);
    try {
      const key = await proofKey();
      const request = authorizationRequest(sandbox());
      const callback = await authorize(new CookieJar(), request);
      const tokenUrl = `${sandbox().authUrl}/connect/token`;
      const tokens = (await (
        await fetch(tokenUrl, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            DPoP: await key.proof("POST", tokenUrl),
          },
          body: new URLSearchParams({
            grant_type: "authorization_code",
            client_id: TEST_CLIENT_ID,
            code: callback.searchParams.get("code") ?? "",
            redirect_uri: request.redirectUri,
            code_verifier: request.codeVerifier,
          }),
        })
      ).json()) as TokenResponse;
      const url = `${sandbox().apiUrl}/users/current`;
      const call = async (nonce?: string) =>
        fetch(url, {
          headers: {
            Origin: TEST_APP_ORIGIN,
            "Ocp-Apim-Subscription-Key": sandbox().subscriptionKey,
            Authorization: `DPoP ${tokens.access_token}`,
            DPoP: await key.proof("GET", url, {
              accessToken: tokens.access_token,
              ...(nonce ? { nonce } : {}),
            }),
          },
        });

      const refused = await call();
      expect(refused.status).toBe(401);
      expect(refused.headers.get("WWW-Authenticate")).toMatch(/^DPoP error="use_dpop_nonce"/);
      expect(refused.headers.get("Access-Control-Expose-Headers")).toMatch(/DPoP-Nonce/);
      const nonce = refused.headers.get("DPoP-Nonce") ?? "";
      expect(nonce).not.toBe("");
      expect((await call(nonce)).status).toBe(200);
    } finally {
      await control.requireDpopNonce(false);
    }
  });
});

describe("the API's DPoP proof check with a nonce required", () => {
  it("asks for its nonce with use_dpop_nonce, then accepts a proof that carries it", async () => {
    const verifier = createDPoPProofVerifier({ requireNonce: () => true });
    const key = await proofKey();
    const url = "http://127.0.0.1:1/assets";
    const request = async (nonce?: string) => ({
      method: "GET",
      url,
      accessToken: "t",
      proof: await key.proof("GET", url, { accessToken: "t", ...(nonce ? { nonce } : {}) }),
    });

    const refusal: unknown = await verifier.verify(await request()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    const { headers } = refusal as ApiError;
    expect(headers["WWW-Authenticate"]).toMatch(/^DPoP error="use_dpop_nonce"/);
    const nonce = headers["DPoP-Nonce"];
    expect(nonce).toBeTruthy();
    await expect(verifier.verify(await request(nonce))).resolves.toBe(key.thumbprint);
  });
});
