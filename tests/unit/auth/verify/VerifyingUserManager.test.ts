// @vitest-environment node
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { InMemoryWebStorage, User, WebStorageStateStore, type UserProfile } from "oidc-client-ts";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { toAuthError } from "../../../../src/auth/AuthError";
import { VerifyingUserManager } from "../../../../src/auth/verify/VerifyingUserManager";
import { stubFetch } from "../../helpers";

const issuer = "https://login.example";
const clientId = "valet";
const jwksUri = `${issuer}/.well-known/openid-configuration/jwks`;

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

let issued = 0;

/**
 * An id_token for Dana from the expected issuer to this app, issued now, signed with `kid`'s key; each one its own
 * (`jti`), as RS256 signatures of the same claims would be equal.
 */
async function idToken(claims: JWTPayload = {}, kid = "key-1") {
  const now = Math.floor(Date.now() / 1000);
  const jti = `id-${++issued}`;
  return new SignJWT({ iss: issuer, aud: clientId, sub: "user-1", iat: now, exp: now + 300, jti, ...claims })
    .setProtectedHeader({ alg: "RS256", kid })
    .sign((await keyFor(kid)).privateKey);
}

/** A session stored at sign-in (before a reload): its id_token was verified then, and is not checked again. */
function storedSession(token: string) {
  return new User({
    id_token: token,
    access_token: "at-0",
    refresh_token: "rt-1",
    token_type: "Bearer",
    scope: "openid api offline_access",
    profile: { sub: "user-1", iss: issuer, aud: clientId, exp: 0, iat: 0 } as UserProfile,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
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

const userStoreKey = `user:${issuer}:${clientId}`;

function createManager(ledger: { record: (spent: string, session: string) => Promise<void> }) {
  const userStore = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  const manager = new VerifyingUserManager(
    {
      authority: issuer,
      client_id: clientId,
      redirect_uri: "https://valet.example/callback",
      // Inline metadata: no discovery request; only the JWKS and the token endpoint are fetched, from the stub below.
      metadata: discovery,
      userStore,
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: false,
    },
    { issuer, ledger: { ...ledger, warm: async () => undefined } },
  );
  return { manager, userStore };
}

describe("VerifyingUserManager", () => {
  // RSA keys take a while to make on a busy machine: once for the file, not within a test's time.
  beforeAll(async () => {
    for (const kid of ["key-1", "key-2", "key-3"]) await keyFor(kid);
  }, 30_000);

  let server: ReturnType<typeof stubFetch>;
  /** Every JWKS request; set `keysDown` to have the next ones fail as a network failure does. */
  let jwksRequests: number;
  let keysDown: number;
  /** What the token endpoint answers next, and every refresh token it was sent, in order. */
  let nextIdToken: string | undefined;
  let refreshTokensSent: string[];
  let recorded: [string, string][];

  /** A manager in a tab just reloaded: Dana's session (id_token signed with key-1) stored, no keys fetched yet. */
  async function signedIn() {
    const { manager, userStore } = createManager({
      record: async (spent, session) => void recorded.push([spent, session]),
    });
    await userStore.set(userStoreKey, storedSession(await idToken()).toStorageString());
    return manager;
  }

  /** The manager's first renewal, with an id_token signed with key-1: it fetches the keys once. */
  async function renewedOnce() {
    const manager = await signedIn();
    nextIdToken = await idToken();
    await manager.signinSilent();
    expect(jwksRequests).toBe(1);
    return manager;
  }

  beforeEach(async () => {
    // Only the clock is fake: jose reads it for token times and for its JWKS cooldown.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    await publish("key-1");
    jwksRequests = 0;
    keysDown = 0;
    nextIdToken = undefined;
    refreshTokensSent = [];
    recorded = [];
    server = stubFetch((url, init) => {
      if (url === jwksUri) {
        jwksRequests += 1;
        if (keysDown > 0) {
          keysDown -= 1;
          throw new TypeError("Failed to fetch");
        }
        return Response.json({ keys: published.map((kid) => signingKeys.get(kid)?.jwk) });
      }
      if (url === discovery.token_endpoint) {
        // A rotating server: each refresh token works once and is answered with the next one.
        const sent = new URLSearchParams(String(init.body)).get("refresh_token") ?? "";
        refreshTokensSent.push(sent);
        return Response.json({
          access_token: `at-${refreshTokensSent.length}`,
          token_type: "Bearer",
          expires_in: 3600,
          refresh_token: `rt-${Number(sent.slice(3)) + 1}`,
          ...(nextIdToken ? { id_token: nextIdToken } : {}),
        });
      }
      return new Response(null, { status: 404 });
    });
    vi.stubGlobal("fetch", server);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const refusal = (manager: VerifyingUserManager) =>
    manager.signinSilent().then(
      () => {
        throw new Error("The renewal was accepted.");
      },
      (error: unknown) => toAuthError("renewSilent", error),
    );

  it("stores a renewal whose id_token names the same user, issuer and audience", async () => {
    const manager = await signedIn();
    nextIdToken = await idToken();
    await manager.signinSilent();
    expect((await manager.getUser())?.id_token).toBe(nextIdToken);
  });

  // oidc-client-ts itself refuses a changed `sub` or `azp` on refresh, before Valet's own checks; same outcome.
  it.each<[string, JWTPayload]>([
    ["another user (sub)", { sub: "user-2" }],
    ["another audience", { aud: [clientId, "other-app"], azp: clientId }],
    ["another audience, without azp", { aud: "other-app" }],
    ["another issuer", { iss: "https://other-login.example" }],
  ])("refuses a renewal whose id_token names %s, and keeps the session it had", async (_, claims) => {
    const manager = await signedIn();
    const before = (await manager.getUser())?.id_token;
    nextIdToken = await idToken(claims);
    expect(await refusal(manager)).toMatchObject({
      source: "renewSilent",
      code: "id_token_invalid",
      transient: false,
    });
    expect((await manager.getUser())?.id_token).toBe(before);
  });

  it("verifies and stores a renewal while its record is committed, and ends only once it is", async () => {
    let commit!: () => void;
    const { manager, userStore } = createManager({
      record: (spent, session) =>
        new Promise<void>((resolve) => {
          recorded.push([spent, session]);
          commit = resolve;
        }),
    });
    await userStore.set(userStoreKey, storedSession(await idToken()).toStorageString());
    nextIdToken = await idToken();
    let ended = false;
    const renewal = manager.signinSilent().finally(() => (ended = true));

    // The record was written before the renewed id_token was checked, which goes on without waiting for the commit.
    await vi.waitFor(async () => expect((await manager.getUser())?.id_token).toBe(nextIdToken));
    expect(recorded.map(([spent]) => spent)).toEqual(["rt-1"]);
    expect(ended).toBe(false);
    commit();
    await expect(renewal).resolves.toMatchObject({ id_token: nextIdToken });
  });

  it("does not verify again an id_token it already holds (a refresh that brings no new one)", async () => {
    const manager = await signedIn();
    // Two days on, the stored id_token is long expired: checked again, it would be refused.
    vi.setSystemTime(Date.now() + 2 * 24 * 3600 * 1000);
    const renewed = await manager.signinSilent();
    expect((await manager.getUser())?.access_token).toBe(renewed?.access_token);
  });

  it("fetches the keys again for an unknown kid (a key rotation), and accepts the token signed with the new key", async () => {
    const manager = await renewedOnce();
    await publish("key-1", "key-2");
    vi.setSystemTime(Date.now() + 2_000);
    nextIdToken = await idToken({}, "key-2");
    await manager.signinSilent();
    expect(jwksRequests).toBe(2);
  });

  it("fetches the keys at most once a second: a second unknown kid within the cooldown is refused without a request", async () => {
    const manager = await renewedOnce();
    await publish("key-1", "key-2");
    vi.setSystemTime(Date.now() + 2_000);
    nextIdToken = await idToken({}, "key-2");
    await manager.signinSilent();
    expect(jwksRequests).toBe(2);

    // The server rotates again at once: key-3 is published, but the keys were fetched half a second ago.
    await publish("key-2", "key-3");
    vi.setSystemTime(Date.now() + 500);
    nextIdToken = await idToken({}, "key-3");
    expect(await refusal(manager)).toMatchObject({
      code: "id_token_invalid",
      cause: { reason: "unknown_key" },
    });
    expect(jwksRequests).toBe(2);
  });

  describe("a rotated refresh token is never lost (issue 14, hole 1)", () => {
    it("loads the keys before the refresh is sent: when they cannot be fetched nothing is sent, and the next attempt spends the refresh token once", async () => {
      const manager = await signedIn();
      nextIdToken = await idToken();
      keysDown = 1;

      const first = await refusal(manager);
      expect(refreshTokensSent).toEqual([]);
      await manager.signinSilent().catch(() => undefined);

      expect(refreshTokensSent).toEqual(["rt-1"]);
      expect((await manager.getUser())?.refresh_token).toBe("rt-2");
      expect(first).toMatchObject({ code: "keys_unavailable", transient: true });
    });

    it("keeps a refresh's answer when its keys cannot be fetched (a rotation while offline), and verifies it again instead of sending the spent token", async () => {
      const manager = await renewedOnce();
      await publish("key-1", "key-2");
      vi.setSystemTime(Date.now() + 2_000);
      nextIdToken = await idToken({}, "key-2");
      keysDown = 1;

      const first = await refusal(manager);
      const heldMeanwhile = (await manager.getUser())?.refresh_token;
      const recordedMeanwhile = recorded.map(([spent]) => spent);
      await manager.signinSilent().catch(() => undefined);

      expect(refreshTokensSent).toEqual(["rt-1", "rt-2"]);
      expect((await manager.getUser())?.refresh_token).toBe("rt-3");
      expect((await manager.getUser())?.id_token).toBe(nextIdToken);
      expect(first).toMatchObject({ code: "keys_unavailable", transient: true });
      // Meanwhile this tab kept the last verified session, and the answer was recorded for the other tabs.
      expect(heldMeanwhile).toBe("rt-2");
      expect(recordedMeanwhile).toEqual(["rt-1", "rt-2"]);
    });

    it("drops a refresh's answer whose id_token is refused: it is never stored nor tried again", async () => {
      const manager = await renewedOnce();
      nextIdToken = await idToken({ sub: "user-2" });
      expect(await refusal(manager)).toMatchObject({ code: "id_token_invalid" });
      expect((await manager.getUser())?.refresh_token).toBe("rt-2");
    });
  });

  describe("a session another tab handed over (storeSession)", () => {
    it("is verified when its id_token is new to this tab, as the other tab may have recorded it before verifying", async () => {
      const manager = await signedIn();
      const handedOver = storedSession(await idToken({ sub: "user-2" }));
      const refused = await manager
        .storeSession(handedOver.toStorageString())
        .catch((error: unknown) => error);
      expect(toAuthError("renewSilent", refused)).toMatchObject({ code: "id_token_invalid" });
      expect((await manager.getUser())?.profile.sub).toBe("user-1");
    });

    it("is stored when it names the same user", async () => {
      const manager = await signedIn();
      const handedOver = storedSession(await idToken());
      await manager.storeSession(handedOver.toStorageString());
      expect((await manager.getUser())?.id_token).toBe(handedOver.id_token);
    });
  });
});
