import { loadOnce } from "../../lib/loadOnce";

/**
 * The id_token verification code (jose): one import for the page's early preload and the signing keys' first use,
 * so the keys' fetch does not wait for a second `import()` to settle (see loadOnce).
 */
export const loadVerificationCode = /* @__PURE__ */ loadOnce(() => import("./verifyIdToken"));
