import type { Check } from "./Check";
import { fail, pass, warn } from "./CheckResult";
import { allowedOriginText, allowsMethod, allowsOrigin, headersNotAllowed, isSuccess } from "./corsHeaders";
import type { ProbeResponse } from "./probe";

/** The headers every API call of Valet's carries beyond the safelisted ones: each one must pass the preflight. */
export const API_REQUEST_HEADERS = [
  "authorization",
  "content-type",
  "ocp-apim-subscription-key",
  "x-mv-api-version",
] as const;

const RECOMMENDED_API_VERSION = "1.2";

// No asset has this id: the preflight is answered by the gateway's CORS policy before any lookup.
const SOME_ASSET_ID = "00000000-0000-0000-0000-000000000000";

function askForApiCors(origin: string, what: string): string {
  return `Ask MediaValet Support to allow ${what} from ${origin} in the API's CORS policy (API Management).`;
}

function apiPreflightCheck(
  id: "cors-api-search" | "cors-api-patch",
  method: "POST" | "PATCH",
  path: string,
): Check {
  return {
    id,
    title: `CORS on the API (${method} ${path.replace(SOME_ASSET_ID, "{id}")})`,
    async run(context) {
      const { origin } = context;
      const url = `${context.config.apiBaseUrl}${path}`;
      const response = await context.probe(url, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": method,
          "Access-Control-Request-Headers": API_REQUEST_HEADERS.join(","),
        },
      });
      const what = `${method} ${url}`;
      if (!isSuccess(response.status) || !allowsOrigin(response.headers, origin)) {
        return fail(
          `the preflight for ${what} answered HTTP ${response.status} with ${allowedOriginText(response.headers)}`,
          askForApiCors(origin, "requests"),
        );
      }
      const missing = headersNotAllowed(response.headers, API_REQUEST_HEADERS);
      if (missing.length > 0) {
        return fail(
          `the preflight for ${what} does not allow the header${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          askForApiCors(origin, `the header${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`),
        );
      }
      if (!allowsMethod(response.headers, method)) {
        return fail(
          `the preflight for ${what} does not allow the method ${method}`,
          askForApiCors(origin, `the method ${method}`),
        );
      }
      return pass(`${method} with ${API_REQUEST_HEADERS.join(", ")} allowed from ${origin}`);
    },
  };
}

export const apiSearchCorsCheck = apiPreflightCheck("cors-api-search", "POST", "/assets/search");
export const apiPatchCorsCheck = apiPreflightCheck("cors-api-patch", "PATCH", `/assets/${SOME_ASSET_ID}`);

interface AnswerBody {
  /** Azure API Management's own rejections: `{ statusCode, message }`. */
  message?: string;
  /** MediaValet's envelope; PascalCase in the docs, camelCase on the wire. */
  apiVersion?: string;
}

function readAnswer(response: ProbeResponse): AnswerBody {
  try {
    const parsed = JSON.parse(response.text) as Record<string, unknown>;
    const pick = (...names: string[]): string | undefined => {
      const value = names.map((name) => parsed[name]).find((candidate) => typeof candidate === "string");
      return value as string | undefined;
    };
    return { message: pick("message", "Message"), apiVersion: pick("apiVersion", "ApiVersion") };
  } catch {
    return {};
  }
}

function shortText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/**
 * The gateway checks the subscription key before anything else (research notes §2.8(c)): a request with the key and
 * no token gets "invalid subscription key" when the key is wrong, and a 401 about the token when it is right.
 */
export const apiKeyCheck: Check = {
  id: "api-key",
  title: "Subscription key",
  async run(context) {
    const response = await context.apiAnswer();
    const { message, apiVersion } = readAnswer(response);
    const fixBase = `Fix "apiBaseUrl" in config.json (MediaValet's is https://api.mediavalet.com).`;
    if (message !== undefined && /subscription key/i.test(message)) {
      return fail(
        `${response.status}: ${message}`,
        `Check "subscriptionKey" in config.json: it must be the approved key from MediaValet's Developer Portal; ` +
          `ask MediaValet Support to approve or renew it.`,
      );
    }
    if (response.status === 401) {
      const envelope = apiVersion === undefined ? "" : `; envelope apiVersion "${apiVersion}"`;
      return pass(`key accepted: GET /users/current without a token answered 401, as it should${envelope}`);
    }
    if (response.status === 200) {
      return warn(
        `${response.url} answered 200 without an access token`,
        `${fixBase} Every MediaValet API call needs a token; this does not look like MediaValet's API.`,
      );
    }
    if (response.status >= 300 && response.status < 400) {
      return fail(
        `${response.url} redirects (HTTP ${response.status}) to ${response.headers.get("location")}`,
        fixBase,
      );
    }
    if (response.status === 404) return fail(`${response.url} answered 404`, fixBase);
    if (response.status === 429) {
      return warn(
        "the API is throttling this subscription key (HTTP 429)",
        "Run the doctor again in a minute; if it persists, ask MediaValet Support about the key's rate limit.",
      );
    }
    return fail(
      `GET ${response.url} without a token answered HTTP ${response.status}: ${shortText(response.text) || "(empty)"}`,
      `Check "apiBaseUrl" and "apiVersion" in config.json; if they are right, ask MediaValet Support why.`,
    );
  },
};

/** Valet must read the status of every API answer, a 401 above all (it renews the token): CORS must let it. */
export const apiResponseCorsCheck: Check = {
  id: "cors-api-response",
  title: "CORS on API answers",
  async run(context) {
    const response = await context.apiAnswer();
    if (!allowsOrigin(response.headers, context.origin)) {
      return fail(
        `the API's ${response.status} answered ${context.origin} with ${allowedOriginText(response.headers)}; ` +
          `the browser would see a network error instead`,
        askForApiCors(
          context.origin,
          "responses (Access-Control-Allow-Origin on every status, 401 included)",
        ),
      );
    }
    return pass(`a ${response.status} answer is readable from ${context.origin}`);
  },
};

/** From 1.2 on, a missing permission is a 403 rather than a 401 that looks like an expired session (notes §5). */
export const apiVersionCheck: Check = {
  id: "api-version",
  title: "API version",
  async run(context) {
    const configured = context.config.apiVersion;
    const response = await context.apiAnswer();
    const { apiVersion } = readAnswer(response);
    if (response.status === 400 && /version/i.test(response.text)) {
      return fail(
        `the API refused x-mv-api-version ${configured}: ${shortText(response.text)}`,
        `Set "apiVersion": "${RECOMMENDED_API_VERSION}" in config.json.`,
      );
    }
    const answered = apiVersion === undefined ? "" : ` (the API answers with apiVersion "${apiVersion}")`;
    if (configured !== RECOMMENDED_API_VERSION) {
      return warn(
        `config.json asks for API version ${configured}${answered}`,
        `Set "apiVersion": "${RECOMMENDED_API_VERSION}" in config.json: before 1.2 a missing permission is a 401, ` +
          `which looks like an expired session, instead of a 403.`,
      );
    }
    return pass(`x-mv-api-version ${configured}${answered}`);
  },
};
