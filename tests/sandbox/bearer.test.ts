import { SignJWT, exportJWK, generateKeyPair, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../sandbox/api/apiError";
import { createBearerVerifier, type BearerVerifier } from "../../sandbox/api/bearer";

const ISSUER = "https://iam.example.test";

/** The API's token check on its own, with keys made here, so each way a token can be wrong is tried in isolation. */
describe("the API's bearer token check", () => {
  let verify: BearerVerifier;
  let sign: (claims: Record<string, unknown>, options?: { typ?: string; kid?: string }) => Promise<string>;
  let signWithStranger: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const keys = await generateKeyPair("RS256");
    const stranger = await generateKeyPair("RS256");
    const publicJwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    verify = createBearerVerifier({ issuer: ISSUER, jwks: () => ({ keys: [publicJwk] }) });
    const now = Math.floor(Date.now() / 1000);
    const build = (claims: Record<string, unknown>, typ: string, kid: string) =>
      new SignJWT({
        sub: "user-1",
        iss: ISSUER,
        aud: "api",
        iat: now,
        exp: now + 3600,
        ...claims,
      }).setProtectedHeader({
        alg: "RS256",
        typ,
        kid,
      });
    sign = (claims, options = {}) =>
      build(claims, options.typ ?? "at+jwt", options.kid ?? "k1").sign(keys.privateKey);
    signWithStranger = (claims) => build(claims, "at+jwt", "k1").sign(stranger.privateKey);
  });

  async function refusal(authorization: string | undefined): Promise<ApiError> {
    try {
      await verify({ authorization });
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error("the token was accepted");
  }

  it("accepts a well-formed access token", async () => {
    await expect(verify({ authorization: `Bearer ${await sign({})}` })).resolves.toMatchObject({
      sub: "user-1",
    });
  });

  it.each([
    ["no header", async () => undefined],
    ["another scheme", async () => `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["an expired token", async () => `Bearer ${await sign({ exp: Math.floor(Date.now() / 1000) - 10 })}`],
    ["the wrong audience", async () => `Bearer ${await sign({ aud: "valet" })}`],
    ["the wrong issuer", async () => `Bearer ${await sign({ iss: "https://elsewhere.test" })}`],
    ["a signature by another key", async () => `Bearer ${await signWithStranger({})}`],
    ["an unknown key id", async () => `Bearer ${await sign({}, { kid: "k2" })}`],
    ["an id_token (typ JWT)", async () => `Bearer ${await sign({}, { typ: "JWT" })}`],
    ["garbage", async () => "Bearer not.a.jwt"],
  ])("refuses %s with 401 and WWW-Authenticate invalid_token", async (_name, header) => {
    const error = await refusal(await header());

    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_token");
    expect(error.headers["WWW-Authenticate"]).toMatch(/^Bearer error="invalid_token"/);
  });
});
