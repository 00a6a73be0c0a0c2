// @vitest-environment node
import { InMemoryWebStorage, WebStorageStateStore } from "oidc-client-ts";
import { describe, expect, it } from "vitest";
import { toAuthError } from "../../../../src/auth/AuthError";
import { VerifyingUserManager } from "../../../../src/auth/verify/VerifyingUserManager";

const issuer = "https://login.example";
// What a crafted link would like Valet to say on its own page.
const planted = "Your account is locked. Call +1 555 0100 to unlock it";

function createManager() {
  const stateStore = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  const userManager = new VerifyingUserManager(
    {
      authority: issuer,
      client_id: "valet",
      redirect_uri: "https://valet.example/callback",
      metadata: {
        issuer,
        authorization_endpoint: `${issuer}/connect/authorize`,
        token_endpoint: `${issuer}/connect/token`,
        jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
        authorization_response_iss_parameter_supported: true,
      } as Record<string, unknown>,
      stateStore,
      automaticSilentRenew: false,
    },
    { issuer },
  );
  return { userManager, stateStore };
}

function callbackUrl(state: string, iss: string) {
  const query = new URLSearchParams({ code: "c-1", state, iss });
  return `https://valet.example/callback?${query.toString()}`;
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toAuthError("signinCallback", error);
  }
  throw new Error("The callback was accepted.");
}

describe("The callback's iss parameter", () => {
  it("is not looked at before the state: a response to no sign-in of this browser is refused as such, its iss not shown", async () => {
    const { userManager } = createManager();
    const error = await failureOf(userManager.signinCallback(callbackUrl("no-such-state", planted)));
    expect(error.code).toBe("callback_invalid");
    expect(error.message).not.toContain(planted);
  });

  it("refuses a response to this browser's sign-in that names another issuer, without echoing it, and spends the state", async () => {
    const { userManager, stateStore } = createManager();
    await stateStore.set("s-1", JSON.stringify({ id: "s-1" }));
    const error = await failureOf(userManager.signinCallback(callbackUrl("s-1", planted)));
    expect(error.code).toBe("issuer_mismatch");
    expect(error.message).toContain(`expected issuer "${issuer}"`);
    expect(error.message).not.toContain(planted);
    expect(await stateStore.get("s-1")).toBeFalsy();
  });
});
