import { InMemoryWebStorage, User, WebStorageStateStore, type UserProfile } from "oidc-client-ts";
import { vi } from "vitest";
import {
  VerifyingUserManager,
  type VerificationSettings,
} from "../../../src/auth/verify/VerifyingUserManager";
import { stubFetch } from "../helpers";

export const issuer = "https://login.example";
export const clientId = "valet-confidential";

/** What the page posted: where, and the form it sent. */
export interface PostedForm {
  url: string;
  form: URLSearchParams;
  headers: Headers;
}

export const jwksUri = `${issuer}/.well-known/openid-configuration/jwks`;

/**
 * A VerifyingUserManager with the server's metadata inline (no discovery request) and fetch stubbed at the edge:
 * every POST is recorded and answered by `answer` (JSON 200 `{}` unless it says otherwise); the JWKS endpoint
 * answers with `keys` (none unless the test publishes some), and its requests are counted apart.
 */
export function createManagerWithServer(
  verification: Partial<VerificationSettings> = {},
  answer: (post: PostedForm) => Response | Promise<Response> | undefined = () => undefined,
  keys: () => Response = () => Response.json({ keys: [] }),
) {
  const posts: PostedForm[] = [];
  const keyRequests: string[] = [];
  const fetch = stubFetch((url, init) => {
    if (url === jwksUri) {
      keyRequests.push(url);
      return keys();
    }
    const post = {
      url,
      form: new URLSearchParams(String(init.body ?? "")),
      headers: new Headers(init.headers),
    };
    posts.push(post);
    return answer(post) ?? Response.json({});
  });
  vi.stubGlobal("fetch", fetch);
  const manager = new VerifyingUserManager(
    {
      authority: issuer,
      client_id: clientId,
      redirect_uri: "https://valet.example/callback",
      post_logout_redirect_uri: "https://valet.example/",
      scope: "openid api offline_access",
      metadata: {
        issuer,
        authorization_endpoint: `${issuer}/connect/authorize`,
        token_endpoint: `${issuer}/connect/token`,
        revocation_endpoint: `${issuer}/connect/revocation`,
        end_session_endpoint: `${issuer}/connect/endsession`,
        jwks_uri: jwksUri,
      },
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: false,
      loadUserInfo: false,
    },
    { issuer, ledger: { record: async () => undefined, warm: async () => undefined }, ...verification },
  );
  return { manager, posts, keyRequests, fetch };
}

/** Puts `user` in the manager's store, as a reload finds a session stored earlier (nothing is verified). */
export async function seedSession(manager: VerifyingUserManager, user: User): Promise<void> {
  const { authority, client_id } = manager.settings;
  await manager.settings.userStore.set(`user:${authority}:${client_id}`, user.toStorageString());
}

/** The token response of MediaValet's password grant: no id_token. */
export function passwordGrantResponse(accessToken = "at-password", refreshToken = "rt-1") {
  return Response.json({
    access_token: accessToken,
    expires_in: 3600,
    token_type: "Bearer",
    scope: "openid api offline_access",
    refresh_token: refreshToken,
  });
}

/** A stored session: by default a code-flow one, with an id_token. */
export function storedSession(extra: Partial<ConstructorParameters<typeof User>[0]> = {}) {
  return new User({
    id_token: "header.payload.signature",
    access_token: "at-stored",
    refresh_token: "rt-stored",
    token_type: "Bearer",
    scope: "openid api offline_access",
    profile: { sub: "user-1", iss: issuer, aud: clientId, exp: 0, iat: 0 } as UserProfile,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    ...extra,
  });
}

/**
 * Replaces the page navigation of oidc-client-ts's redirects with a recorder (jsdom cannot navigate), so a test can
 * read the URL the browser would have gone to. The returned promise never settles, as a page that leaves.
 */
export function recordRedirects(manager: VerifyingUserManager): string[] {
  const urls: string[] = [];
  (manager as unknown as { _redirectNavigator: unknown })._redirectNavigator = {
    prepare: async () => ({
      navigate: (params: { url: string }) => {
        urls.push(params.url);
        return new Promise<never>(() => undefined);
      },
      close: () => undefined,
    }),
  };
  return urls;
}
