import { ConfigError } from "./ConfigError";
import type { ValetConfig } from "./ValetConfig";
import { parseConfig } from "./parseConfig";
import { messageOf } from "../lib/messageOf";

const FIELD = "config.json";

/**
 * Fetches and validates this deployment's `config.json`. It runs before anything else, so every failure becomes a
 * ConfigError that names what happened and what to do, ready for ConfigErrorPage.
 *
 * @param fetchFn the fetch to use (injected so tests need no network).
 * @param url where the file lives, usually `${import.meta.env.BASE_URL}config.json`.
 * @param appBaseUrl the app's origin and base path, ending in "/"; see parseConfig.
 */
export async function loadConfig(
  fetchFn: typeof fetch,
  url: string,
  appBaseUrl: string,
): Promise<ValetConfig> {
  let text: string;
  try {
    // no-store: the file is edited in place on the host, and a cached copy would hide the fix.
    const response = await fetchFn(url, { cache: "no-store", headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw new ConfigError("config_unreachable", [
        {
          field: FIELD,
          message:
            `could not be loaded from ${url}: the server answered ${response.status}` +
            `${response.statusText === "" ? "" : ` ${response.statusText}`}; ` +
            "deploy a config.json next to index.html (see public/config.json) and try again",
        },
      ]);
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      "config_unreachable",
      [
        {
          field: FIELD,
          message: `could not be fetched from ${url} (${messageOf(error)}); check your connection and that the site is up, then try again`,
        },
      ],
      { cause: error },
    );
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Many static hosts answer a missing file with index.html and a 200, which only shows up here.
    const hint = text.trimStart().startsWith("<")
      ? "the server sent an HTML page instead, which usually means the file is missing from the deployment"
      : "fix its syntax (double quotes around keys and strings, no trailing commas, no comments)";
    throw new ConfigError(
      "config_invalid",
      [{ field: FIELD, message: `is not valid JSON: ${messageOf(error)}; ${hint}` }],
      { cause: error },
    );
  }
  return parseConfig(raw, appBaseUrl);
}
