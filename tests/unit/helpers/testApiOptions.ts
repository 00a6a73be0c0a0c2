import type { ApiClientOptions } from "../../../src/api/createApiTransport";
import { createRequestAuthorizer } from "../../../src/auth/createRequestAuthorizer";

/** The API address unit tests point their transports and clients at. */
export const TEST_API_BASE = "https://api.example.com";

/**
 * The app's request authorizer over a plain bearer token source, as main.tsx wires it (without DPoP): the token now,
 * and optionally a renewal that resolves the new token.
 */
export function testAuthorizer(
  getAccessToken: () => string | undefined | Promise<string | undefined> = () => "token-1",
  renewAccessToken?: () => Promise<string | undefined>,
): ApiClientOptions["authorizer"] {
  return createRequestAuthorizer({
    getToken: async () => {
      const token = await getAccessToken();
      return token === undefined ? undefined : { access_token: token };
    },
    ...(renewAccessToken ? { renewToken: renewAccessToken } : {}),
  });
}

/** Options for an API transport or client under test: fixed address, key, version and token, the test's fetch. */
export function testApiOptions(fetchFn: typeof fetch): ApiClientOptions {
  return {
    baseUrl: TEST_API_BASE,
    subscriptionKey: "sub-key",
    apiVersion: "1.2",
    authorizer: testAuthorizer(),
    fetch: fetchFn,
  };
}
