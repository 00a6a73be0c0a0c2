// @vitest-environment node
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyIdToken, type IdTokenExpectations } from "../../../../src/auth/verify/verifyIdToken";

const issuer = "https://iam.example";
const clientId = "valet";
const nonce = "n-0123456789";

let privateKey: CryptoKey;
let otherPrivateKey: CryptoKey;
let keys: IdTokenExpectations["keys"];

async function sign(claims: JWTPayload, options: { kid?: string; key?: CryptoKey; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: issuer,
    aud: clientId,
    sub: "user-1",
    iat: now,
    exp: now + 300,
    nonce,
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? "RS256", kid: options.kid ?? "key-1" })
    .sign(options.key ?? privateKey);
}

const expectations = (extra: Partial<IdTokenExpectations> = {}): IdTokenExpectations => ({
  keys,
  issuer,
  clientId,
  nonce,
  ...extra,
});

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  otherPrivateKey = other.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
  keys = createLocalJWKSet({ keys: [jwk] });
});

describe("verifyIdToken", () => {
  it("accepts a good token and returns its claims", async () => {
    const claims = await verifyIdToken(await sign({ name: "Dana Demo" }), expectations());
    expect(claims.sub).toBe("user-1");
    expect(claims.name).toBe("Dana Demo");
  });

  it.each<[string, () => Promise<string>, string]>([
    ["a wrong issuer", () => sign({ iss: "https://evil.example" }), "wrong_issuer"],
    ["a wrong audience", () => sign({ aud: "someone-else" }), "wrong_audience"],
    ["no audience", async () => sign({ aud: undefined }), "wrong_audience"],
    ["a wrong nonce", () => sign({ nonce: `${nonce}1` }), "wrong_nonce"],
    ["no nonce", () => sign({ nonce: undefined }), "wrong_nonce"],
    ["no issue time", async () => sign({ iat: undefined }), "missing_claim"],
    [
      "an issue time in the future",
      () => sign({ iat: Math.floor(Date.now() / 1000) + 3600 }),
      "issued_in_future",
    ],
    ["an expiry in the past", () => sign({ exp: Math.floor(Date.now() / 1000) - 3600 }), "expired"],
    ["another key's signature", () => sign({}, { key: otherPrivateKey }), "bad_signature"],
    ["an unknown kid", () => sign({}, { kid: "rotated-away" }), "unknown_key"],
    ["several audiences without azp", () => sign({ aud: [clientId, "other"] }), "wrong_authorized_party"],
    ["an azp naming another client", () => sign({ azp: "other" }), "wrong_authorized_party"],
  ])("rejects %s", async (_, makeToken, reason) => {
    await expect(verifyIdToken(await makeToken(), expectations())).rejects.toMatchObject({ reason });
  });

  it("rejects a corrupted signature", async () => {
    const token = await sign({});
    const [header, payload, signature = ""] = token.split(".");
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    await expect(verifyIdToken(`${header}.${payload}.${flipped}`, expectations())).rejects.toMatchObject({
      reason: "bad_signature",
    });
  });

  it("rejects an unsigned token (alg none)", async () => {
    const encode = (value: object) =>
      btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const now = Math.floor(Date.now() / 1000);
    const token = `${encode({ alg: "none" })}.${encode({ iss: issuer, aud: clientId, sub: "u", iat: now, exp: now + 60, nonce })}.`;
    await expect(verifyIdToken(token, expectations())).rejects.toMatchObject({
      reason: "algorithm_not_allowed",
    });
  });

  it("rejects an HMAC-signed token, whatever its secret", async () => {
    const secret = new TextEncoder().encode("a-secret-the-client-could-never-keep-0123456789");
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: issuer, aud: clientId, sub: "u", iat: now, exp: now + 60, nonce })
      .setProtectedHeader({ alg: "HS256" })
      .sign(secret);
    await expect(verifyIdToken(token, expectations())).rejects.toMatchObject({
      reason: "algorithm_not_allowed",
    });
  });

  it("accepts several audiences when azp names this app", async () => {
    await expect(
      verifyIdToken(await sign({ aud: [clientId, "api"], azp: clientId }), expectations()),
    ).resolves.toBeTruthy();
  });

  it("accepts a small clock difference", async () => {
    const token = await sign({ iat: Math.floor(Date.now() / 1000) + 30 });
    await expect(verifyIdToken(token, expectations())).resolves.toBeTruthy();
  });

  it("on refresh, needs no nonce but the same issuer, audience and subject", async () => {
    const previous = { iss: issuer, aud: clientId, sub: "user-1" };
    const refreshed = await sign({ nonce: undefined });
    await expect(
      verifyIdToken(refreshed, expectations({ nonce: undefined, previous })),
    ).resolves.toBeTruthy();
    const otherUser = await sign({ nonce: undefined, sub: "user-2" });
    await expect(
      verifyIdToken(otherUser, expectations({ nonce: undefined, previous })),
    ).rejects.toMatchObject({
      reason: "changed_identity",
    });
  });

  it("keeps to the algorithms the server says it uses", async () => {
    await expect(
      verifyIdToken(await sign({}), expectations({ serverAlgorithms: ["ES256"] })),
    ).rejects.toMatchObject({
      reason: "algorithm_not_allowed",
    });
  });
});
