import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { InMemoryWebStorage } from "oidc-client-ts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settle } from "../../helpers";
import {
  clientId,
  createManagerWithServer,
  issuer,
  jwksUri,
  seedSession,
  storedSession,
} from "../fakeAuthServer";

/** Idle time, by hand: the tasks put off to it, run when the test says. */
function stubIdleTime() {
  const idleTasks: (() => void)[] = [];
  vi.stubGlobal("requestIdleCallback", (task: () => void) => idleTasks.push(task));
  return idleTasks;
}

/** A key pair the server signs with, its public key as published, and an id_token it signed for the stored session. */
async function serverKeys() {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "k-1", alg: "ES256", use: "sig" };
  const now = Math.floor(Date.now() / 1000);
  const idToken = await new SignJWT({ iss: issuer, aud: clientId, sub: "user-1", iat: now, exp: now + 300 })
    .setProtectedHeader({ alg: "ES256", kid: "k-1" })
    .sign(privateKey);
  return { jwk, idToken };
}

describe("A stored session (issue 16: the first renewal after a reload)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("asks once for idle time to load the verification code, and makes no request for it", async () => {
    const idleTasks = stubIdleTime();
    const { manager, posts, keyRequests } = createManagerWithServer();
    await seedSession(manager, storedSession());

    await manager.getUser();
    await manager.getUser();
    expect(idleTasks).toHaveLength(1);

    idleTasks[0]?.();
    await settle();
    expect(keyRequests).toEqual([]);
    expect(posts).toEqual([]);
  });

  it("opens the refresh ledger and the lock manager in idle time, not when the first renewal asks", async () => {
    const idleTasks = stubIdleTime();
    const warm = vi.fn(async () => undefined);
    const query = vi.fn(async () => ({ held: [], pending: [] }));
    vi.stubGlobal("navigator", { ...navigator, locks: { query } });
    const { manager, posts } = createManagerWithServer({ ledger: { record: async () => undefined, warm } });
    await seedSession(manager, storedSession());

    await manager.getUser();
    expect(warm).not.toHaveBeenCalled();
    idleTasks[0]?.();
    await settle();
    expect(warm).toHaveBeenCalledTimes(1);
    // A query takes no lock: another tab's renewal is never held up by this one's warm-up.
    expect(query).toHaveBeenCalledTimes(1);
    expect(posts).toEqual([]);
  });

  it("runs the stored id_token's signature check once with the keys already known, fetching nothing", async () => {
    const idleTasks = stubIdleTime();
    const { jwk, idToken } = await serverKeys();
    const cache = new InMemoryWebStorage();
    // The keys the sign-in fetched and kept for this tab's session.
    cache.setItem(`valet.jwks:${jwksUri}`, JSON.stringify({ jwks: { keys: [jwk] }, uat: Date.now() }));
    const { manager, keyRequests } = createManagerWithServer({ cache: cache as unknown as Storage });
    await seedSession(manager, storedSession({ id_token: idToken }));
    const verify = vi.spyOn(crypto.subtle, "verify");

    await manager.getUser();
    idleTasks[0]?.();
    await vi.waitFor(() => expect(verify).toHaveBeenCalledTimes(1));
    expect(keyRequests).toEqual([]);
  });

  it("checks nothing, and fetches no keys, when none are known yet", async () => {
    const idleTasks = stubIdleTime();
    const { idToken } = await serverKeys();
    const { manager, keyRequests } = createManagerWithServer();
    await seedSession(manager, storedSession({ id_token: idToken }));
    const verify = vi.spyOn(crypto.subtle, "verify");

    await manager.getUser();
    idleTasks[0]?.();
    await settle();
    expect(verify).not.toHaveBeenCalled();
    expect(keyRequests).toEqual([]);
  });

  it("schedules nothing for a stored session without a refresh token, which is never renewed", async () => {
    const idleTasks = stubIdleTime();
    const { manager } = createManagerWithServer();
    await seedSession(manager, storedSession({ refresh_token: undefined }));
    expect(await manager.getUser()).not.toBeNull();
    expect(idleTasks).toEqual([]);
  });

  it("schedules nothing while no session is stored", async () => {
    const idleTasks = stubIdleTime();
    const { manager } = createManagerWithServer();
    await manager.getUser();
    expect(idleTasks).toEqual([]);
  });
});
