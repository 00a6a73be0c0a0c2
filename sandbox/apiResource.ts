/**
 * The DAM API as a resource server. MediaValet's clients ask for the `api` scope and the API expects `aud: "api"`;
 * oidc-provider needs an absolute URI to name the resource, which clients never have to send (it is the default).
 */
export const API_RESOURCE = "urn:mediavalet:api";
export const API_SCOPE = "api";
export const API_AUDIENCE = "api";
