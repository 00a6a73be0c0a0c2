import type { Sandbox } from "./startSandbox";

/** The `config.json` settings that point Valet at this sandbox, as `npm run preview`, the e2e suite and bench serve. */
export function appConfigFor(sandbox: Sandbox, clientId = "valet"): Record<string, string> {
  return {
    authority: sandbox.authUrl,
    issuer: sandbox.issuer,
    clientId,
    apiBaseUrl: sandbox.apiUrl,
    subscriptionKey: sandbox.subscriptionKey,
  };
}
