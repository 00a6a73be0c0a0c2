import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { InMemoryWebStorage } from "oidc-client-ts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSigningKeys } from "../../../../src/auth/verify/createSigningKeys";
import { stubFetch } from "../../helpers";

const issuer = "https://login.example";
const clientId = "valet";
const jwksUri = `${issuer}/jwks`;

/** The server's key pairs by kid, and which of them its JWKS publishes. */
const pairs = new Map<string, { privateKey: CryptoKey; jwk: JWK }>();
let published: string[];

async function publish(kid: string) {
  if (!pairs.has(kid)) {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    pairs.set(kid, { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } });
  }
  published.push(kid);
}

async function idToken(kid: string) {
  const now = Math.floor(Date.now() / 1000);
  const key = pairs.get(kid);
  if (!key) throw new Error(`No key ${kid}.`);
  return new SignJWT({ iss: issuer, aud: clientId, sub: "user-1", iat: now, exp: now + 300 })
    .setProtectedHeader({ alg: "ES256", kid })
    .sign(key.privateKey);
}

describe("createSigningKeys", () => {
  let cache: InMemoryWebStorage;
  let keyRequests: number;

  beforeEach(() => {
    // Only the clock is fake: jose reads it for the age of its keys and its cooldown.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    published = [];
    keyRequests = 0;
    cache = new InMemoryWebStorage();
    vi.stubGlobal(
      "fetch",
      stubFetch(() => {
        keyRequests += 1;
        return Response.json({ keys: published.map((kid) => pairs.get(kid)?.jwk) });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("writes the keys to the tab's cache when it fetches them, not again for each token it verifies", async () => {
    await publish("k-1");
    const written = vi.spyOn(cache, "setItem");
    const keys = createSigningKeys(async () => jwksUri, cache as unknown as Storage);

    await keys.load();
    await keys.verify(await idToken("k-1"), { issuer, clientId });
    await keys.verify(await idToken("k-1"), { issuer, clientId });

    expect(keyRequests).toBe(1);
    expect(written).toHaveBeenCalledTimes(1);
    expect(JSON.parse(cache.getItem(`valet.jwks:${jwksUri}`) ?? "{}")).toMatchObject({
      jwks: { keys: [{ kid: "k-1" }] },
    });
  });

  it("writes them again when a token signed with a new key made it fetch them (a rotation)", async () => {
    await publish("k-1");
    const keys = createSigningKeys(async () => jwksUri, cache as unknown as Storage);
    await keys.load();
    await publish("k-2");
    vi.setSystemTime(Date.now() + 5_000);

    await keys.verify(await idToken("k-2"), { issuer, clientId });

    expect(keyRequests).toBe(2);
    expect(JSON.parse(cache.getItem(`valet.jwks:${jwksUri}`) ?? "{}")).toMatchObject({
      jwks: { keys: [{ kid: "k-1" }, { kid: "k-2" }] },
    });
  });

  it("writes nothing when the keys it was given from the cache are all it uses", async () => {
    await publish("k-1");
    cache.setItem(
      `valet.jwks:${jwksUri}`,
      JSON.stringify({ jwks: { keys: [pairs.get("k-1")?.jwk] }, uat: Date.now() }),
    );
    const written = vi.spyOn(cache, "setItem");
    const keys = createSigningKeys(async () => jwksUri, cache as unknown as Storage);

    await keys.load();
    await keys.verify(await idToken("k-1"), { issuer, clientId });

    expect(keyRequests).toBe(0);
    expect(written).not.toHaveBeenCalled();
  });

  describe("warmed with the stored session's id_token", () => {
    const seed = (kids: string[]) =>
      cache.setItem(
        `valet.jwks:${jwksUri}`,
        JSON.stringify({ jwks: { keys: kids.map((kid) => pairs.get(kid)?.jwk) }, uat: Date.now() }),
      );

    it("has the server's key imported before the first renewal verifies with it, fetching nothing", async () => {
      await publish("k-1");
      seed(["k-1"]);
      const keys = createSigningKeys(async () => jwksUri, cache as unknown as Storage);
      await keys.warm(await idToken("k-1"));

      const imported = vi.spyOn(crypto.subtle, "importKey");
      await keys.verify(await idToken("k-1"), { issuer, clientId });
      expect(imported).not.toHaveBeenCalled();
      expect(keyRequests).toBe(0);
    });

    it("fetches nothing for a token whose key it does not hold, nor when its keys are stale", async () => {
      await publish("k-1");
      await publish("k-2");
      seed(["k-1"]);
      const keys = createSigningKeys(async () => jwksUri, cache as unknown as Storage);
      // Past jose's cooldown, when an unknown kid would make it fetch the keys again.
      vi.setSystemTime(Date.now() + 5_000);
      await keys.warm(await idToken("k-2"));
      vi.setSystemTime(Date.now() + 60 * 60_000);
      await keys.warm(await idToken("k-1"));
      expect(keyRequests).toBe(0);
    });
  });
});
