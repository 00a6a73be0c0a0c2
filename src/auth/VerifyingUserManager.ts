import type { JWKSCacheInput, JWTPayload, JWTVerifyGetKey } from "jose";
import { User, UserManager, type UserManagerSettings } from "oidc-client-ts";
import { AuthError } from "./AuthError";
import { decodeJwtPayload } from "./decodeJwtPayload";
import { IdTokenRejected } from "./IdTokenRejected";
import { verifyDiscovery, type DiscoveryFacts } from "./verifyDiscovery";

export interface VerificationSettings {
  /** The issuer the server must name, in discovery, in the callback's `iss` and in every id_token. */
  issuer: string;
  /**
   * Where the verified discovery document and the server's keys are kept for this tab's session, so that the
   * return from the sign-in page, reloads and renewals do not fetch them again.
   */
  cache?: Storage;
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

  override async signinCallback(url: string = window.location.href): Promise<User | undefined> {
    await this.checkIssuerParameter(url);
    return super.signinCallback(url);
  }

  /** RFC 9207: where the server promises `iss` on its responses, a response without the right one is refused. */
  private async checkIssuerParameter(url: string): Promise<void> {
    const params = new URL(url).searchParams;
    const iss = params.get("iss");
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
      const state = params.get("state");
      if (state) await this.settings.stateStore.remove(state);
      throw new AuthError(
        "signinCallback",
        "issuer_mismatch",
        iss === null
          ? "The sign-in response does not say which server sent it (iss), though the server promises to."
          : `The sign-in response comes from "${iss}", not from the expected issuer "${this.verification.issuer}".`,
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

  private async verifyUser(user: User): Promise<void> {
    const nonce = (user.state as SigninStateWithNonce | undefined)?.nonce;
    const isSignin = typeof nonce === "string" || this.passwordSignIn;
    const source = this.passwordSignIn ? "signinPassword" : isSignin ? "signinCallback" : "renewSilent";
    const previous = isSignin ? null : await this.getUser();
    // A refresh that brings no new id_token keeps the one verified at sign-in.
    if (!isSignin && previous?.id_token === user.id_token) return;
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
