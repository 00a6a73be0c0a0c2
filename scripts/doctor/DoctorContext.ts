import type { ValetConfig } from "../../src/config/ValetConfig";
import type { CheckId } from "./CheckResult";
import { parseDiscovery, type DiscoveryDocument } from "./DiscoveryDocument";
import type { Probe, ProbeResponse } from "./probe";

/** What the doctor examines: a deployment's validated config.json and the origin Valet is served from. */
export interface DoctorTarget {
  config: ValetConfig;
  /** e.g. "https://valet.example.com": where the browser's requests come from. */
  origin: string;
}

/** Thrown by a check that needs the result of another check which failed; the report shows it as skipped. */
export class NeedsCheck extends Error {
  override readonly name = "NeedsCheck";
  readonly check: CheckId;

  constructor(check: CheckId) {
    super(`needs the "${check}" check to pass first`);
    this.check = check;
  }
}

/**
 * What every check is handed. The answers several checks look at (the discovery document, the API's answer to a
 * request without a token) are fetched once and shared.
 */
export interface DoctorContext extends DoctorTarget {
  probe: Probe;
  discoveryUrl: string;
  /** The discovery answer to a GET from the app's origin; throws `ProbeError` when there is none. */
  discoveryResponse(): Promise<ProbeResponse>;
  /** The discovery document; throws `NeedsCheck("discovery")` when it could not be read. */
  discovery(): Promise<DiscoveryDocument>;
  /** The API's answer to `GET /users/current` with the subscription key and no token; throws `ProbeError`. */
  apiAnswer(): Promise<ProbeResponse>;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

export function createDoctorContext(target: DoctorTarget, probe: Probe): DoctorContext {
  const { config, origin } = target;
  const discoveryUrl = `${config.authority}/.well-known/openid-configuration`;
  const discoveryResponse = once(() => probe(discoveryUrl, { headers: { Origin: origin } }));
  const discovery = once(async () => {
    try {
      return parseDiscovery(await discoveryResponse());
    } catch {
      throw new NeedsCheck("discovery");
    }
  });
  const apiAnswer = once(() =>
    probe(`${config.apiBaseUrl}/users/current`, {
      headers: {
        Origin: origin,
        Accept: "application/json",
        "Ocp-Apim-Subscription-Key": config.subscriptionKey,
        "x-mv-api-version": config.apiVersion,
      },
    }),
  );
  return { ...target, probe, discoveryUrl, discoveryResponse, discovery, apiAnswer };
}
