import { parseConfig } from "../../src/config/parseConfig.ts";
import type { DoctorTarget } from "./DoctorContext";

/** The doctor was not told where Valet is served from, or was told something that is not an origin. */
export class OriginProblem extends Error {
  override readonly name = "OriginProblem";
}

function readOrigin(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OriginProblem(`${from} "${value}" is not a URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OriginProblem(
      `${from} "${value}" must be an http(s) origin such as https://valet.example.com.`,
    );
  }
  return url.origin;
}

/**
 * Reads what the doctor examines from the parsed config.json and the `--origin` flag. The app's origin is the flag,
 * or else the origin of `redirectUri` (Valet's callback is served by Valet itself).
 * @throws OriginProblem when neither names an origin; ConfigError (from parseConfig) when config.json is not usable.
 */
export function readDoctorTarget(raw: unknown, originFlag: string | undefined): DoctorTarget {
  let origin: string;
  if (originFlag !== undefined) {
    const flagged = readOrigin(originFlag, "--origin");
    if (flagged !== originFlag.replace(/\/+$/, "")) {
      throw new OriginProblem(`--origin "${originFlag}" must be an origin, like "${flagged}" (no path).`);
    }
    origin = flagged;
  } else {
    const redirectUri = (raw as { redirectUri?: unknown } | null)?.redirectUri;
    if (typeof redirectUri !== "string") {
      throw new OriginProblem(
        "config.json has no redirectUri to take the app's origin from: pass --origin https://<where Valet is served>.",
      );
    }
    origin = readOrigin(redirectUri, "redirectUri");
  }
  return { config: parseConfig(raw, `${origin}/`), origin };
}
