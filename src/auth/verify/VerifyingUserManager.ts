import type { JWKSCacheInput, JWTPayload, JWTVerifyGetKey } from "jose";
import { User, UserManager, type UserManagerSettings } from "oidc-client-ts";
import { AuthError } from "../AuthError";
import { decodeJwtPayload } from "./decodeJwtPayload";
import { IdTokenRejected } from "./IdTokenRejected";
import {
  isPasswordSession,
  markPasswordSession,
  passwordSessionProfile,
  type LoadIdentity,
} from "../session/passwordSession";
import { verifyDiscovery, type DiscoveryFacts } from "./verifyDiscovery";

export interface VerificationSettings {
  /** The issuer the server must name, in discovery, in the callback's `iss` and in every id_token. */
  issuer: string;
  /**
   * Where the verified discovery document and the server's keys are kept for this tab's session, so that the
   * return from the sign-in page, reloads and renewals do not fetch them again.
   */
  cache?: Storage;
  /**
   * A token relay for a confidential client (without a trailing slash): token requests go to `${url}/token` and
   * revocations to `${url}/revocation` instead of the endpoints discovery names, which stay verified as ever.
   */
  tokenRelayUrl?: string | null;
  /** Reads who a password session belongs to: the password grant brings no id_token to say so. */
  loadIdentity?: LoadIdentity;
}

const DISCOVERY_CACHE_PREFIX = "valet.discovery:";
const JWKS_CACHE_PREFIX = "valet.jwks:";

function readCache<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The verified discovery document cached for `authority`, to seed a new UserManager with. */
export function cachedDiscovery(storage: Storage | undefined, authority: string): DiscoveryFacts | undefined {
  return readCache<DiscoveryFacts>(storage, `${DISCOVERY_CACHE_PREFIX}${authority}`);
}

interface SigninStateWithNonce {
  nonce?: unknown;
}

/**
 * oidc-client-ts checks state and `sub` but not the id_token's signature, issuer, audience, expiry or issue time,
 * nor the discovery issuer or the RFC 9207 `iss` callback parameter. This UserManager adds all of that at the
 * three doors it has: before leaving for the server, before the code is exchanged, and before a user is stored.
 */
export class VerifyingUserManager extends UserManager {
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private discoveryChecked: Promise<DiscoveryFacts> | undefined;

  constructor(
    settings: UserManagerSettings,
    private readonly verification: VerificationSettings,
  ) {
    super(settings);
    const relay = verification.tokenRelayUrl;
    if (relay) this.useTokenRelay(relay);
  }

  /**
   * Sends the code exchange, refresh, password grant and revocation to the relay. oidc-client-ts asks its metadata
   * service for these two endpoints before each such request, so answering there covers them all, while discovery,
   * the authorize and end-session endpoints and the keys stay the server's own. Only after discovery is verified:
   * a relay posts to the authority it was deployed for, and Valet must have checked that it is the expected one.
   */
  private useTokenRelay(relay: string): void {
    const endpoint = (path: string) => async () => {
      await this.verifiedMetadata();
      return `${relay}/${path}`;
    };
    const metadataService = this.metadataService as {
      getTokenEndpoint: () => Promise<string>;
      getRevocationEndpoint: () => Promise<string>;
    };
    metadataService.getTokenEndpoint = endpoint("token");
    metadataService.getRevocationEndpoint = endpoint("revocation");
  }

  /** The discovery document, checked once per page load; a failed check is retried on the next call. */
  verifiedMetadata(): Promise<DiscoveryFacts> {
    this.discoveryChecked ??= (async () => {
      const metadata = (await this.metadataService.getMetadata()) as DiscoveryFacts;
      const problems = verifyDiscovery(metadata, this.verification.issuer);
      if (problems.length > 0) {
        this.verification.cache?.removeItem(`${DISCOVERY_CACHE_PREFIX}${this.settings.authority}`);
        throw new AuthError(
          "signinRedirect",
          "discovery_invalid",
          `Valet will not send you to this sign-in server. ${problems.join(" ")}`,
        );
      }
      this.verification.cache?.setItem(
        `${DISCOVERY_CACHE_PREFIX}${this.settings.authority}`,
        JSON.stringify(metadata),
      );
      return metadata;
    })().catch((error: unknown) => {
      this.discoveryChecked = undefined;
      throw error;
    });
    return this.discoveryChecked;
  }

  override async signinRedirect(...args: Parameters<UserManager["signinRedirect"]>): Promise<void> {
    await this.verifiedMetadata();
    return super.signinRedirect(...args);
  }

  /**
   * Leaves for the end-session endpoint with the stored user's id_token as `id_token_hint` (oidc-client-ts reads it
   * from the stored user, then removes the user): MediaValet's IdentityServer sends the person back to
   * `post_logout_redirect_uri` only with it. The endpoint must be the verified server's, as the hint goes there.
   */
  override async signoutRedirect(...args: Parameters<UserManager["signoutRedirect"]>): Promise<void> {
    await this.verifiedMetadata();
    return super.signoutRedirect(...args);
  }

  /**
   * Renews without a `scope` parameter, so that the server grants the scopes of the sign-in again (RFC 6749 §6).
   * oidc-client-ts would send the scope of the last token response, which the server may report without `openid`
   * (the sandbox, like IdentityServer with a resource, says "api"): the refresh would then bring no id_token, and no
   * renewed identity would be verified.
   */
  override async signinSilent(...[args = {}]: Parameters<UserManager["signinSilent"]>): Promise<User | null> {
    return super.signinSilent({ ...args, extraTokenParams: { ...args.extraTokenParams, scope: undefined } });
  }

  override async signinCallback(url: string = window.location.href): Promise<User | undefined> {
    await this.checkIssuerParameter(url);
    return super.signinCallback(url);
  }

  /** RFC 9207: where the server promises `iss` on its responses, a response without the right one is refused. */
  private async checkIssuerParameter(url: string): Promise<void> {
    const params = new URL(url).searchParams;
    const iss = params.get("iss");
    // State first: a response to no sign-in of this browser is refused as such by oidc-client-ts, whatever its iss
    // says, so that a crafted link cannot put words of its choosing on Valet's page.
    const state = params.get("state");
    if (!state || !(await this.settings.stateStore.get(state))) return;
    const metadata = await this.verifiedMetadata().catch((error: unknown) => {
      throw error instanceof AuthError
        ? new AuthError("signinCallback", error.code, error.message, { cause: error })
        : error;
    });
    const promised =
      (metadata as { authorization_response_iss_parameter_supported?: boolean })
        .authorization_response_iss_parameter_supported === true;
    if ((promised || iss !== null) && iss !== this.verification.issuer) {
      // The response may come from another server (a mix-up attack): its state must not be usable again either.
      await this.settings.stateStore.remove(state);
      // The iss it names is not shown: it is anyone's text.
      throw new AuthError(
        "signinCallback",
        "issuer_mismatch",
        iss === null
          ? "The sign-in response does not say which server sent it (iss), though the server promises to."
          : `The sign-in response comes from another server, not from the expected issuer "${this.verification.issuer}".`,
      );
    }
  }

  // A password sign-in has no nonce, and starts a new session rather than renewing the stored one.
  private passwordSignIn = false;

  override async signinResourceOwnerCredentials(
    ...args: Parameters<UserManager["signinResourceOwnerCredentials"]>
  ): Promise<User> {
    await this.verifiedMetadata();
    this.passwordSignIn = true;
    try {
      return await super.signinResourceOwnerCredentials(...args);
    } finally {
      this.passwordSignIn = false;
    }
  }

  /** Stores a session another tab renewed and verified already, and announces it. */
  async storeSession(session: string): Promise<User> {
    const user = User.fromStorageString(session);
    await super.storeUser(user);
    await this.events.load(user);
    return user;
  }

  override async storeUser(user: User | null): Promise<void> {
    if (user) await this.verifyUser(user);
    return super.storeUser(user);
  }

  private signingKeys(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const [{ createIdTokenKeys }, metadata] = await Promise.all([
        import("./verifyIdToken"),
        this.verifiedMetadata(),
      ]);
      if (!metadata.jwks_uri) throw new Error("The server publishes no signing keys (jwks_uri).");
      const cacheKey = `${JWKS_CACHE_PREFIX}${metadata.jwks_uri}`;
      // jose fills this object when it fetches the keys; it is saved after each verification (saveKeys).
      this.keyCache = readCache<Record<string, never>>(this.verification.cache, cacheKey) ?? {};
      this.keyCacheKey = cacheKey;
      return createIdTokenKeys(metadata.jwks_uri, this.keyCache);
    })().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private keyCache: JWKSCacheInput | undefined;
  private keyCacheKey: string | undefined;
  private saveKeys(): void {
    if (this.keyCache && this.keyCacheKey && "jwks" in this.keyCache) {
      this.verification.cache?.setItem(this.keyCacheKey, JSON.stringify(this.keyCache));
    }
  }

  /**
   * A password sign-in: MediaValet's password grant brings no id_token, so there is nothing to verify, and who
   * signed in comes from the API. When a server does send an id_token, it is verified as any other.
   */
  private async completePasswordSession(user: User): Promise<void> {
    if (user.id_token) {
      await this.verifyIdTokenOf(user, "signinPassword", null);
      user.profile = markPasswordSession(user.profile);
      return;
    }
    if (!this.verification.loadIdentity) {
      throw new AuthError("signinPassword", "sign_in_failed", "Valet has no way to learn who signed in.");
    }
    try {
      user.profile = passwordSessionProfile(await this.verification.loadIdentity(user.access_token));
    } catch (error) {
      // Nothing is stored, so the refresh token would be left alive for nobody: revoke it (best effort).
      if (user.refresh_token) {
        await this._client.revokeToken(user.refresh_token, "refresh_token").catch(() => undefined);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthError(
        "signinPassword",
        "sign_in_failed",
        `The password was accepted, but Valet could not read who you are from MediaValet: ${reason}`,
        { cause: error },
      );
    }
  }

  private async verifyUser(user: User): Promise<void> {
    if (this.passwordSignIn) return this.completePasswordSession(user);
    const nonce = (user.state as SigninStateWithNonce | undefined)?.nonce;
    const isSignin = typeof nonce === "string";
    const source = isSignin ? "signinCallback" : "renewSilent";
    const previous = isSignin ? null : await this.getUser();
    if (previous && isPasswordSession(previous)) {
      // A password session's refresh brings no id_token either; oidc-client-ts keeps its profile. One that does
      // bring an id_token has it verified, and stays a password session.
      if (!user.id_token) return;
      await this.verifyIdTokenOf(user, source, previous);
      user.profile = markPasswordSession(user.profile);
      return;
    }
    // A refresh that brings no new id_token keeps the one verified at sign-in.
    if (!isSignin && previous?.id_token && previous.id_token === user.id_token) return;
    await this.verifyIdTokenOf(user, source, previous, nonce);
  }

  private async verifyIdTokenOf(
    user: User,
    source: "signinCallback" | "signinPassword" | "renewSilent",
    previous: User | null,
    nonce?: unknown,
  ): Promise<void> {
    if (!user.id_token) {
      throw new AuthError(source, "id_token_invalid", "The sign-in server sent no id_token.");
    }
    try {
      const [{ verifyIdToken }, keys, metadata] = await Promise.all([
        import("./verifyIdToken"),
        this.signingKeys(),
        this.verifiedMetadata(),
      ]);
      const algorithms = (metadata as { id_token_signing_alg_values_supported?: string[] })
        .id_token_signing_alg_values_supported;
      await verifyIdToken(user.id_token, {
        keys,
        issuer: this.verification.issuer,
        clientId: this.settings.client_id,
        ...(typeof nonce === "string" ? { nonce } : {}),
        ...(previous?.id_token ? { previous: decodeJwtPayload(previous.id_token) as JWTPayload } : {}),
        ...(algorithms ? { serverAlgorithms: algorithms } : {}),
      });
      this.saveKeys();
    } catch (error) {
      if (error instanceof IdTokenRejected) {
        throw new AuthError(
          source,
          "id_token_invalid",
          `The sign-in server's id_token was refused: ${error.message}. Nothing was stored.`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
