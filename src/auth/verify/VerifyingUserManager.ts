import type { JWTPayload } from "jose";
import {
  User,
  UserManager,
  type SigninResponse,
  type UseRefreshTokenArgs,
  type UserManagerSettings,
} from "oidc-client-ts";
import { AuthError } from "../AuthError";
import type { RefreshLedger } from "../session/createRefreshLedger";
import { pageRefreshLedger } from "../session/pageRefreshLedger";
import {
  isPasswordSession,
  markPasswordSession,
  passwordSessionProfile,
  type LoadIdentity,
} from "../session/passwordSession";
import { createSigningKeys, type SigningKeys } from "./createSigningKeys";
import { decodeJwtPayload } from "./decodeJwtPayload";
import { DiscoveryRejected } from "./DiscoveryRejected";
import { IdTokenRejected } from "./IdTokenRejected";
import { SigningKeysUnavailable } from "./SigningKeysUnavailable";
import { verifyDiscovery, type DiscoveryFacts } from "./verifyDiscovery";
import { messageOf } from "../../lib/messageOf";
import { warmRenewal } from "../session/warmRenewal";
import { whenIdle } from "../session/whenIdle";

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
  /**
   * Where a refresh's answer is recorded the moment it arrives, before it is verified, so that no tab sends the
   * spent refresh token again (see createRefreshLedger). Defaults to the IndexedDB ledger the session keeper reads.
   */
  ledger?: Pick<RefreshLedger, "record" | "warm">;
}

const DISCOVERY_CACHE_PREFIX = "valet.discovery:";

/** The verified discovery document cached for `authority`, to seed a new UserManager with. */
export function cachedDiscovery(storage: Storage | undefined, authority: string): DiscoveryFacts | undefined {
  try {
    const text = storage?.getItem(`${DISCOVERY_CACHE_PREFIX}${authority}`);
    return text ? (JSON.parse(text) as DiscoveryFacts) : undefined;
  } catch {
    return undefined;
  }
}

// Every endpoint oidc-client-ts may read from discovery: none is used before the document is verified.
const GUARDED_ENDPOINTS = [
  "getIssuer",
  "getAuthorizationEndpoint",
  "getUserInfoEndpoint",
  "getTokenEndpoint",
  "getCheckSessionIframe",
  "getEndSessionEndpoint",
  "getRevocationEndpoint",
  "getKeysEndpoint",
] as const;

type Endpoint = (optional?: boolean) => Promise<unknown>;

/** The session an id_token renews: its id_token, and whether it is a password session. */
type Previous = Pick<User, "id_token" | "profile"> | null;

/**
 * oidc-client-ts checks state and `sub` but not the id_token's signature, issuer, audience, expiry or issue time,
 * nor the discovery issuer or the RFC 9207 `iss` callback parameter. This UserManager adds all of that at each of
 * its doors, and each door knows what it is: leaving for the server, the callback (`_buildUser`), a refresh
 * (`_useRefreshToken`), a password sign-in, and a session another tab handed over (`storeSession`). It throws the
 * verifier's own errors (DiscoveryRejected, IdTokenRejected, SigningKeysUnavailable); the caller names the step
 * when it classifies them with toAuthError.
 */
export class VerifyingUserManager extends UserManager {
  private discoveryChecked: Promise<DiscoveryFacts> | undefined;
  private readonly signingKeys: SigningKeys;
  private readonly ledger: Pick<RefreshLedger, "record" | "warm">;
  /** A refresh whose answer arrived but whose verification has not settled: its refresh token is already spent. */
  private unsettled: { spent: string; renewed: User } | undefined;
  private warmed = false;

  constructor(
    settings: UserManagerSettings,
    private readonly verification: VerificationSettings,
  ) {
    super(settings);
    this.ledger = verification.ledger ?? pageRefreshLedger();
    this.guardEndpoints(verification.tokenRelayUrl ?? null);
    this.signingKeys = createSigningKeys(
      async () => (await this.verifiedMetadata()).jwks_uri ?? "",
      verification.cache,
    );
  }

  /**
   * Makes every endpoint wait for the verified discovery document, for every use (a refresh, a revocation, an end
   * session in a fresh tab as much as a sign-in). With a relay, the code exchange, refresh, password grant and
   * revocation go to the relay instead, while discovery, the authorize and end-session endpoints and the keys stay
   * the server's own: a relay posts to the authority it was deployed for, which Valet must have checked.
   */
  private guardEndpoints(relay: string | null): void {
    const service = this.metadataService as unknown as Record<(typeof GUARDED_ENDPOINTS)[number], Endpoint>;
    for (const name of GUARDED_ENDPOINTS) {
      const original = service[name].bind(service);
      service[name] = async (optional) => {
        await this.verifiedMetadata();
        if (relay && name === "getTokenEndpoint") return `${relay}/token`;
        if (relay && name === "getRevocationEndpoint") return `${relay}/revocation`;
        return original(optional);
      };
    }
  }

  /**
   * The discovery document, checked once per page load; a failed check is retried on the next call.
   * @throws DiscoveryRejected when it fails the checks
   */
  verifiedMetadata(): Promise<DiscoveryFacts> {
    this.discoveryChecked ??= (async () => {
      const metadata = (await this.metadataService.getMetadata()) as DiscoveryFacts;
      const cacheKey = `${DISCOVERY_CACHE_PREFIX}${this.settings.authority}`;
      const problems = verifyDiscovery(metadata, this.verification.issuer);
      if (problems.length > 0) {
        this.verification.cache?.removeItem(cacheKey);
        throw new DiscoveryRejected(problems);
      }
      this.verification.cache?.setItem(cacheKey, JSON.stringify(metadata));
      return metadata;
    })().catch((error: unknown) => {
      this.discoveryChecked = undefined;
      throw error;
    });
    return this.discoveryChecked;
  }

  /**
   * A stored session means a renewal will come: what its first one would set up while the person waits is readied
   * in idle time instead (issue 16): the ledger and the lock manager (see warmRenewal), and the verification code,
   * loaded and run once on the stored id_token with the keys already known. Nothing is fetched.
   */
  override async getUser(raiseEvent?: boolean): Promise<User | null> {
    const user = await super.getUser(raiseEvent);
    // Without a refresh token there is no renewal to ready (and the session is removed once expired).
    if (user?.refresh_token && !this.warmed) {
      this.warmed = true;
      const idToken = user.id_token;
      // Once per page: a failure here is met again, and reported, when a renewal needs the code.
      whenIdle(() => {
        void this.signingKeys.warm(idToken).catch(() => undefined);
        void warmRenewal(this.ledger).catch(() => undefined);
      });
    }
    return user;
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

  /**
   * A refresh: the keys are loaded before the refresh token is sent, because once the answer arrives that token
   * is spent, and a key fetch failing then must not cost the session. The answer is recorded at once (other tabs
   * must not send the spent token either) and kept until its verification settles: a later call verifies it again
   * instead of sending the spent token. The record is written before verification starts and committed before
   * this returns or throws (so before the renewal lock is released); verification does not wait for the commit.
   */
  protected override async _useRefreshToken(args: UseRefreshTokenArgs): Promise<User> {
    const spent = args.state.refresh_token;
    let renewed = this.unsettled?.spent === spent ? this.unsettled.renewed : undefined;
    let recorded: Promise<void> | undefined;
    if (!renewed) {
      // A session with an id_token gets a new one with each refresh (a password session's brings none).
      if (args.state.id_token) await this.signingKeys.load();
      const response = await this._client.useRefreshToken({
        timeoutInSeconds: this.settings.silentRequestTimeoutInSeconds,
        ...args,
      });
      // What the refresh left unsaid (a refresh token that does not rotate, the profile) is the stored session's.
      renewed = new User({ ...args.state, ...response } as ConstructorParameters<typeof User>[0]);
      this.unsettled = { spent, renewed };
      recorded = this.ledger.record(spent, renewed.toStorageString()).catch(() => undefined);
    }
    try {
      await this.settleRenewal(renewed, args.state);
      return renewed;
    } finally {
      await recorded;
    }
  }

  /** Verifies a refresh's answer, then stores and announces it; see _useRefreshToken. */
  private async settleRenewal(renewed: User, previous: Previous): Promise<void> {
    try {
      await this.verifyRenewal(renewed, previous);
    } catch (error) {
      // Only keys that could not be fetched may pass later; a refused id_token is never tried again.
      if (!(error instanceof SigningKeysUnavailable)) this.unsettled = undefined;
      throw error;
    }
    this.unsettled = undefined;
    await this.storeUser(renewed);
    await this._events.load(renewed);
  }

  override async signinCallback(url: string = window.location.href): Promise<User | undefined> {
    // The keys are fetched while the code is exchanged, not after: verification then waits for neither.
    if (await this.checkIssuerParameter(url)) void this.signingKeys.load().catch(() => undefined);
    return super.signinCallback(url);
  }

  /** The answer to an authorization request (redirect, popup or iframe): verified before oidc-client-ts stores it. */
  protected override async _buildUser(signinResponse: SigninResponse, verifySub?: string): Promise<User> {
    const nonce = (signinResponse.userState as { nonce?: unknown } | undefined)?.nonce;
    await this.verifyIdTokenOf(signinResponse.id_token, null, typeof nonce === "string" ? nonce : undefined);
    return super._buildUser(signinResponse, verifySub);
  }

  /**
   * RFC 9207: where the server promises `iss` on its responses, a response without the right one is refused.
   * @returns whether the response answers a sign-in this browser started (its state is known)
   */
  private async checkIssuerParameter(url: string): Promise<boolean> {
    const params = new URL(url).searchParams;
    const iss = params.get("iss");
    // State first: a response to no sign-in of this browser is refused as such by oidc-client-ts, whatever its iss
    // says, so that a crafted link cannot put words of its choosing on Valet's page.
    const state = params.get("state");
    if (!state || !(await this.settings.stateStore.get(state))) return false;
    const metadata = await this.verifiedMetadata();
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
    return true;
  }

  /**
   * A password sign-in starts a new session rather than renewing one. MediaValet's password grant brings no
   * id_token, so who signed in comes from the API; when a server does send one, it is verified as any other.
   */
  override async signinResourceOwnerCredentials({
    username,
    password,
    skipUserInfo = false,
  }: Parameters<UserManager["signinResourceOwnerCredentials"]>[0]): Promise<User> {
    await this.verifiedMetadata();
    const response = await this._client.processResourceOwnerPasswordCredentials({
      username,
      password,
      skipUserInfo,
      extraTokenParams: this.settings.extraTokenParams,
    });
    const user = new User(response);
    await this.completePasswordSession(user);
    await this.storeUser(user);
    await this._events.load(user);
    return user;
  }

  private async completePasswordSession(user: User): Promise<void> {
    if (user.id_token) {
      await this.verifyIdTokenOf(user.id_token, null);
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
      const reason = messageOf(error);
      throw new AuthError(
        "signinPassword",
        "sign_in_failed",
        `The password was accepted, but Valet could not read who you are from MediaValet: ${reason}`,
        { cause: error },
      );
    }
  }

  /**
   * Stores a session another tab renewed (a stored-user string from the ledger), and announces it. Its id_token
   * is verified here unless this tab holds it already: the other tab may have recorded the answer before its own
   * verification settled.
   */
  async storeSession(session: string): Promise<User> {
    const user = User.fromStorageString(session);
    await this.verifyRenewal(user, await this._loadUser());
    // A refresh of this tab's whose answer it could not verify may be the one handed back: it is settled now.
    this.unsettled = undefined;
    await this.storeUser(user);
    await this._events.load(user);
    return user;
  }

  /** Verifies the id_token of a session that renews `previous`: same user, issuer and audience. */
  private async verifyRenewal(user: User, previous: Previous): Promise<void> {
    // A refresh that brings no new id_token keeps the one verified before (oidc-client-ts carries it over).
    if (!user.id_token || user.id_token === previous?.id_token) return;
    await this.verifyIdTokenOf(user.id_token, previous?.id_token ?? null);
    // A password session stays one when a refresh brings it an id_token.
    if (isPasswordSession(previous)) user.profile = markPasswordSession(user.profile);
  }

  private async verifyIdTokenOf(
    idToken: string | undefined,
    previousIdToken: string | null,
    nonce?: string,
  ): Promise<void> {
    if (!idToken) throw new IdTokenRejected("missing_claim", "the server sent none");
    const metadata = await this.verifiedMetadata();
    const algorithms = (metadata as { id_token_signing_alg_values_supported?: string[] })
      .id_token_signing_alg_values_supported;
    const previous = previousIdToken
      ? (decodeJwtPayload(previousIdToken) as JWTPayload | undefined)
      : undefined;
    await this.signingKeys.verify(idToken, {
      issuer: this.verification.issuer,
      clientId: this.settings.client_id,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(previous ? { previous } : {}),
      ...(algorithms ? { serverAlgorithms: algorithms } : {}),
    });
  }
}
