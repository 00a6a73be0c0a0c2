import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../sandbox/startSandbox";
import { TEST_APP_ORIGIN } from "./oidcClient";

/**
 * Starts a real sandbox on free loopback ports for the current test file and closes it afterwards. Read the sandbox
 * through the returned function inside tests (it exists only once `beforeAll` has run). Keyword writes apply before
 * their 202 unless a test asks for a delay.
 */
export function useSandbox(options: Partial<SandboxOptions> = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({
      authPort: 0,
      apiPort: 0,
      appOrigins: [TEST_APP_ORIGIN],
      keywordDelayMs: 0,
      ...options,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error("useSandbox(): the sandbox is read before beforeAll ran.");
    return sandbox;
  };
}
