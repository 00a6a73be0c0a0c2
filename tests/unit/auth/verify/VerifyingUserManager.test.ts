// @vitest-environment node
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { InMemoryWebStorage, User, WebStorageStateStore, type UserProfile } from "oidc-client-ts";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VerifyingUserManager } from "../../../../src/auth/verify/VerifyingUserManager";
import { stubFetch } from "../../helpers";

const issuer = "https://login.example";
const clientId = "valet";
const jwksUri = `${issuer}/.well-known/openid-configuration/jwks`;
const nonce = "n-0123456789";

/** The server's signing keys by kid; `publish` decides which of them its JWKS endpoint lists. */
const signingKeys = new Map<string, { privateKey: CryptoKey; jwk: JWK }>();
let published: string[];

async function keyFor(kid: string) {
  let key = signingKeys.get(kid);
  if (!key) {
    const pair = await generateKeyPair("RS256");
    key = {
      privateKey: pair.privateKey,
      jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" },
    };
    signingKeys.set(kid, key);
  }
  return key;
}

async function publish(...kids: string[]) {
  for (const kid of kids) await keyFor(kid);
  published = kids;
}

/** An id_token for Dana from the expected issuer to this app, issued now, signed with `kid`'s key. */
async function idToken(claims: JWTPayload = {}, kid = "key-1") {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer, aud: clientId, sub: "user-1", iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: "RS256", kid })
    .sign((await keyFor(kid)).privateKey);
}

/** A session as oidc-client-ts hands it to storeUser: after a sign-in (`state` carries the nonce) or a refresh. */
function session(token: string, signinState?: { nonce: string }) {
  return new User({
    id_token: token,
    access_token: `at-${++issued}`,
    refresh_token: "rt",
    token_type: "Bearer",
    scope: "openid api offline_access",
    profile: { sub: "user-1", iss: issuer, aud: clientId, exp: 0, iat: 0 } as UserProfile,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    userState: signinState,
  });
}

// As MediaValet publishes it; oidc-client-ts's metadata type does not know the id_token algorithms field.
const discovery = {
  issuer,
  authorization_endpoint: `${issuer}/connect/authorize`,
  token_endpoint: `${issuer}/connect/token`,
  jwks_uri: jwksUri,
  id_token_signing_alg_values_supported: ["RS256"],
};

function createManager() {
  return new VerifyingUserManager(
    {
      authority: issuer,
      client_id: clientId,
      redirect_uri: "https://valet.example/callback",
      // Inline metadata: no discovery request; only the JWKS is fetched, from the stub below.
      metadata: discovery,
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: false,
    },
    { issuer },
  );
}

let issued = 0;

describe("VerifyingUserManager", () => {
  // RSA keys take a while to make on a busy machine: once for the file, not within a test's time.
  beforeAll(async () => {
    for (const kid of ["key-1", "key-2", "key-3"]) await keyFor(kid);
  }, 30_000);

  let jwksRequests: ReturnType<typeof stubFetch>;

  /** A manager with Dana signed in (id_token signed with key-1), the sign-in's JWKS request already made. */
  async function signedIn() {
    const manager = createManager();
    await manager.storeUser(session(await idToken({ nonce }), { nonce }));
    expect(jwksRequests).toHaveBeenCalledTimes(1);
    return manager;
  }

  beforeEach(async () => {
    // Only the clock is fake: jose reads it for token times and for its JWKS cooldown.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    await publish("key-1");
    jwksRequests = stubFetch((url) =>
      url === jwksUri
        ? Response.json({ keys: published.map((kid) => signingKeys.get(kid)?.jwk) })
        : new Response(null, { status: 404 }),
    );
    vi.stubGlobal("fetch", jwksRequests);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("stores a renewal whose id_token names the same user, issuer and audience", async () => {
    const manager = await signedIn();
    const renewed = session(await idToken());
    await manager.storeUser(renewed);
    expect((await manager.getUser())?.id_token).toBe(renewed.id_token);
  });

  it.each<[string, JWTPayload, string]>([
    ["another user (sub)", { sub: "user-2" }, "changed_identity"],
    ["another audience", { aud: [clientId, "other-app"], azp: clientId }, "changed_identity"],
    ["another issuer", { iss: "https://other-login.example" }, "wrong_issuer"],
  ])("refuses a renewal whose id_token names %s, and keeps the session it had", async (_, claims, reason) => {
    const manager = await signedIn();
    const before = (await manager.getUser())?.id_token;
    await expect(manager.storeUser(session(await idToken(claims)))).rejects.toMatchObject({
      source: "renewSilent",
      code: "id_token_invalid",
      cause: { reason },
    });
    expect((await manager.getUser())?.id_token).toBe(before);
  });

  it("does not verify again an id_token it already holds (a refresh that brings no new one)", async () => {
    const manager = await signedIn();
    const kept = (await manager.getUser())?.id_token ?? "";
    // Two days on, that id_token is long expired: checked again, it would be refused.
    vi.setSystemTime(Date.now() + 2 * 24 * 3600 * 1000);
    const renewed = session(kept);
    await manager.storeUser(renewed);
    expect((await manager.getUser())?.access_token).toBe(renewed.access_token);
    expect(jwksRequests).toHaveBeenCalledTimes(1);
  });

  it("fetches the keys again for an unknown kid (a key rotation), and accepts the token signed with the new key", async () => {
    const manager = await signedIn();
    await publish("key-1", "key-2");
    vi.setSystemTime(Date.now() + 2_000);
    await manager.storeUser(session(await idToken({}, "key-2")));
    expect(jwksRequests).toHaveBeenCalledTimes(2);
  });

  it("fetches the keys at most once a second: a second unknown kid within the cooldown is refused without a request", async () => {
    const manager = await signedIn();
    await publish("key-1", "key-2");
    vi.setSystemTime(Date.now() + 2_000);
    await manager.storeUser(session(await idToken({}, "key-2")));
    expect(jwksRequests).toHaveBeenCalledTimes(2);

    // The server rotates again at once: key-3 is published, but the keys were fetched half a second ago.
    await publish("key-2", "key-3");
    vi.setSystemTime(Date.now() + 500);
    const rotatedAgain = session(await idToken({}, "key-3"));
    await expect(manager.storeUser(rotatedAgain)).rejects.toMatchObject({
      code: "id_token_invalid",
      cause: { reason: "unknown_key" },
    });
    expect(jwksRequests).toHaveBeenCalledTimes(2);

    // Once the cooldown has passed, the same token is accepted after one more request.
    vi.setSystemTime(Date.now() + 1_000);
    await manager.storeUser(rotatedAgain);
    expect(jwksRequests).toHaveBeenCalledTimes(3);
  });
});
