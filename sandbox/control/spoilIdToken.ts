import { randomBytes } from "node:crypto";
import { SignJWT, decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";
import { generateSigningKey, type SigningKey } from "../auth/signingKeys";
import type { BadIdToken } from "./controlTypes";

/** How far in the past an "expired" id_token expired: well beyond any client's clock-skew allowance. */
const EXPIRED_SECONDS_AGO = 10 * 60;

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function without<T extends object>(record: T, key: keyof T): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Re-signs altered claims with the sandbox's own current key and the original header, so only the claim is wrong. */
async function resign(
  header: Record<string, unknown>,
  payload: JWTPayload,
  key: SigningKey,
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ ...header, alg: "RS256", kid: key.kid })
    .sign(key.privateKey);
}

/** Flips bits in the middle of the signature: the header and claims are untouched and the signature is plain wrong. */
function corruptSignature(token: string): string {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const bytes = Buffer.from(signature, "base64url");
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString("base64url")}`;
}

/**
 * Makes a correct id_token wrong in exactly one way. oidc-provider signs id_tokens itself, so the sandbox rewrites
 * the token response: it decodes the id_token, changes the one thing, and signs again with the sandbox's current key
 * (so the signature is valid and only the claim is wrong) — except for the signature faults themselves:
 * `bad-signature` keeps the token and corrupts its signature, `alg-none` drops the signature, and `unknown-kid`
 * signs with a key made for this token alone, whose kid the JWKS has never listed (so re-fetching the JWKS does not
 * help a client either).
 */
export async function spoilIdToken(idToken: string, kind: BadIdToken, key: SigningKey): Promise<string> {
  const header = decodeProtectedHeader(idToken) as Record<string, unknown>;
  const claims: JWTPayload = { ...decodeJwt(idToken) };
  const now = Math.floor(Date.now() / 1000);

  switch (kind) {
    case "wrong-iss":
      return resign(header, { ...claims, iss: "https://wrong-issuer.sandbox.invalid" }, key);
    case "wrong-aud":
      return resign(header, { ...claims, aud: "some-other-client" }, key);
    case "missing-aud":
      return resign(header, without(claims, "aud"), key);
    case "wrong-nonce":
      return resign(header, { ...claims, nonce: randomBytes(16).toString("base64url") }, key);
    case "missing-iat":
      return resign(header, without(claims, "iat"), key);
    case "expired": {
      const lifetime = Math.max(1, (claims.exp ?? now) - (claims.iat ?? now));
      const exp = now - EXPIRED_SECONDS_AGO;
      return resign(header, { ...claims, iat: exp - lifetime, exp }, key);
    }
    case "bad-signature":
      return corruptSignature(idToken);
    case "alg-none":
      return `${encodeSegment({ ...without(header, "kid"), alg: "none" })}.${idToken.split(".")[1] ?? ""}.`;
    case "unknown-kid":
      return resign(header, claims, await generateSigningKey("unpublished"));
  }
}
