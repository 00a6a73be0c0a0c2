import type { ProbeResponse } from "./probe";

/** An OpenID Connect discovery document (OpenID Connect Discovery 1.0, §3), as the server sent it. */
export type DiscoveryDocument = Readonly<Record<string, unknown>>;

/** Why an answer is not a discovery document, in words fit for the report. */
export class DiscoveryUnusable extends Error {
  override readonly name = "DiscoveryUnusable";
}

/** Reads the discovery answer, or throws `DiscoveryUnusable` saying what is wrong with it. */
export function parseDiscovery(response: ProbeResponse): DiscoveryDocument {
  if (response.status !== 200) {
    const location = response.headers.get("location");
    const where = location === null ? "" : ` to ${location}`;
    throw new DiscoveryUnusable(`${response.url} answered HTTP ${response.status}${where}, not 200`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    throw new DiscoveryUnusable(`${response.url} answered 200 but not with JSON`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new DiscoveryUnusable(`${response.url} answered 200 with JSON that is not an object`);
  }
  return parsed as DiscoveryDocument;
}

/** A string member, or undefined when it is missing or not a string. */
export function stringField(document: DiscoveryDocument, name: string): string | undefined {
  const value = document[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A list-of-strings member, or undefined when it is missing or not a list of strings. */
export function stringList(document: DiscoveryDocument, name: string): string[] | undefined {
  const value = document[name];
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === "string");
}
