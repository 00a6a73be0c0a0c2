import { vi, type Mock } from "vitest";
import type { Auth, AuthState } from "../../../src/auth";

type AuthMethod = {
  [K in keyof Auth]-?: Auth[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Auth];

/** An {@link Auth} whose every method is a vitest mock, so a test can both stub it and check how it was called. */
export type FakeAuth = Omit<Auth, AuthMethod> & { [K in AuthMethod]: Mock<Auth[K]> };

export interface FakeAuthOptions extends Partial<Omit<Auth, "state">> {
  /**
   * The state the components read; signed out by default. Passed through as it is, so a test can make it reactive
   * with getters over signals (spreading it would read them once).
   */
  state?: AuthState;
}

/**
 * A typed stand-in for the auth binding, for page and component tests: signed out unless `state` says otherwise;
 * methods resolve quietly, and `isAuthenticated` / `getAccessToken` follow `state.user`. When `Auth` gains a member,
 * this stops compiling until the fake learns it, instead of a test hiding it behind `as unknown as Auth`.
 */
export function createFakeAuth(options: FakeAuthOptions = {}): FakeAuth {
  const state: AuthState = options.state ?? { user: null, status: "signedOut", error: null };
  const defaults: FakeAuth = {
    state,
    basePath: "/",
    idle: undefined,
    isAuthenticated: vi.fn(() => state.user !== null),
    getAccessToken: vi.fn(() => state.user?.access_token),
    signIn: vi.fn(async () => undefined),
    signInWithPassword: vi.fn(async () => "/"),
    signOut: vi.fn(async () => undefined),
    completeSignIn: vi.fn(async () => "/"),
    renew: vi.fn(async () => state.user?.access_token),
    renewal: vi.fn(() => "idle" as const),
    clearError: vi.fn(),
  };
  // Given methods become mocks too, so every method of a fake can be inspected the same way.
  const mocked = Object.fromEntries(
    Object.entries(options)
      .filter(([name]) => name !== "state")
      .map(([name, value]) => [
        name,
        typeof value === "function" && !vi.isMockFunction(value) ? vi.fn(value) : value,
      ]),
  );
  return { ...defaults, ...mocked };
}
