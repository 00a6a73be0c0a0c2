import type { IncomingMessage } from "node:http";
import { GatewayRejection } from "./apiError";

export const SUBSCRIPTION_KEY_HEADER = "ocp-apim-subscription-key";

/** Azure API Management's check, with its exact wording: it runs before the bearer token is even looked at. */
export function requireSubscriptionKey(req: IncomingMessage, expected: string): void {
  const key = req.headers[SUBSCRIPTION_KEY_HEADER];
  if (key === undefined || key === "") {
    throw new GatewayRejection(
      401,
      "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
    );
  }
  if (key !== expected) {
    throw new GatewayRejection(
      401,
      "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
    );
  }
}
