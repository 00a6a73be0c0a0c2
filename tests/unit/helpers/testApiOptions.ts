import type { ApiClientOptions } from "../../../src/api/createApiTransport";

/** The API address unit tests point their transports and clients at. */
export const TEST_API_BASE = "https://api.example.com";

/** Options for an API transport or client under test: fixed address, key, version and token, the test's fetch. */
export function testApiOptions(fetchFn: typeof fetch): ApiClientOptions {
  return {
    baseUrl: TEST_API_BASE,
    subscriptionKey: "sub-key",
    apiVersion: "1.2",
    getAccessToken: () => "token-1",
    fetch: fetchFn,
  };
}
