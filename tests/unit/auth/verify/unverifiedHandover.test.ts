// @vitest-environment node
import { IDBFactory } from "fake-indexeddb";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { InMemoryWebStorage, User, WebStorageStateStore, type UserProfile } from "oidc-client-ts";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { toAuthError } from "../../../../src/auth/AuthError";
import { createRefreshLedger } from "../../../../src/auth/session/createRefreshLedger";
import { VerifyingUserManager } from "../../../../src/auth/verify/VerifyingUserManager";
import { stubFetch } from "../../helpers";

const issuer = "https://login.example";
const clientId = "valet";
const jwksUri = `${issuer}/jwks`;
const tokenEndpoint = `${issuer}/token`;

const keys = new Map<string, { privateKey: CryptoKey; jwk: JWK }>();
async function makeKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  keys.set(kid, { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } });
}

let issued = 0;
async function idToken(kid: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer,
    aud: clientId,
    sub: "user-1",
    iat: now,
    exp: now + 300,
    jti: `id-${++issued}`,
  };
  const key = keys.get(kid);
  if (!key) throw new Error(`no key ${kid}`);
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid }).sign(key.privateKey);
}

/** A tab: its own UserManager and its own copy of the stored session, and the IndexedDB ledger all tabs share. */
async function openTab(indexedDb: IDBFactory, session: User) {
  const userStore = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  const manager = new VerifyingUserManager(
    {
      authority: issuer,
      client_id: clientId,
      redirect_uri: "https://valet.example/callback",
      metadata: {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: tokenEndpoint,
        jwks_uri: jwksUri,
      },
      userStore,
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: false,
    },
    { issuer, ledger: createRefreshLedger(indexedDb) },
  );
  await userStore.set(`user:${issuer}:${clientId}`, session.toStorageString());
  return manager;
}

describe("A refresh answered in one tab but not yet verified (issue 14, hole 1, across tabs)", () => {
  beforeAll(async () => {
    await makeKey("key-1");
    await makeKey("key-2");
  });

  let published: string[];
  let keysDown: boolean;
  let refreshTokensSent: string[];
  let nextIdToken: string;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    published = ["key-1"];
    keysDown = false;
    refreshTokensSent = [];
    vi.stubGlobal(
      "fetch",
      stubFetch((url, init) => {
        if (url === jwksUri) {
          if (keysDown) throw new TypeError("Failed to fetch");
          return Response.json({ keys: published.map((kid) => keys.get(kid)?.jwk) });
        }
        const sent = new URLSearchParams(String(init.body)).get("refresh_token") ?? "";
        refreshTokensSent.push(sent);
        // The server rotated its signing key a moment ago; the tab's keys are then more than a second old, and the
        // network goes down as the answer arrives.
        vi.setSystemTime(Date.now() + 2_000);
        published = ["key-1", "key-2"];
        keysDown = true;
        return Response.json({
          access_token: "at-2",
          token_type: "Bearer",
          expires_in: 3600,
          refresh_token: "rt-2",
          id_token: nextIdToken,
        });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("is handed to the next tab, which verifies it instead of sending the spent refresh token again", async () => {
    const indexedDb = new IDBFactory();
    const session = new User({
      id_token: await idToken("key-1"),
      access_token: "at-1",
      refresh_token: "rt-1",
      token_type: "Bearer",
      profile: { sub: "user-1", iss: issuer, aud: clientId, exp: 0, iat: 0 } as UserProfile,
      expires_at: Math.floor(Date.now() / 1000) + 30,
    });
    const first = await openTab(indexedDb, session);
    const second = await openTab(indexedDb, session);

    // The first tab's refresh is answered with an id_token signed with the new key, which it cannot fetch now.
    nextIdToken = await idToken("key-2");
    const refused = await first.signinSilent().catch((error: unknown) => toAuthError("renewSilent", error));
    expect(refused).toMatchObject({ code: "keys_unavailable", transient: true });

    // The next tab to take the renewal lock does what the session keeper does: the ledger first.
    keysDown = false;
    const ledger = createRefreshLedger(indexedDb);
    const stored = await second.getUser();
    const replacement = await ledger.replacementFor(stored?.refresh_token ?? "");
    expect(replacement).toBeDefined();
    const handedOver = await second.storeSession(replacement ?? "");

    expect(refreshTokensSent).toEqual(["rt-1"]);
    expect(handedOver.refresh_token).toBe("rt-2");
    expect((await second.getUser())?.id_token).toBe(nextIdToken);
  });
});
