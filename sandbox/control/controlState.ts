import {
  emptyStats,
  type ApiFault,
  type BadIdToken,
  type Lifetimes,
  type SandboxStats,
  type TokenEndpointFault,
} from "./controlTypes";

/** A fault armed for the next `remaining` requests of its kind. */
interface Armed<T> {
  fault: T;
  remaining: number;
}

/**
 * What the test controls change, read by the auth server and the API on every request. It always exists (the
 * servers read lifetimes and count requests whether or not tests may change anything); only the control route,
 * present when the sandbox starts with `testControls`, can arm faults or change lifetimes.
 */
export interface ControlState {
  /** Counters, incremented in place by the servers. */
  readonly stats: SandboxStats;
  lifetimes(): Lifetimes;
  /** How long an accepted keyword write waits before it applies (milliseconds). */
  keywordDelayMs(): number;
  setKeywordDelay(ms: number): void;
  setLifetimes(lifetimes: Partial<Lifetimes>): void;
  armTokenFault(fault: TokenEndpointFault): void;
  armApiFault(fault: ApiFault): void;
  armBadIdToken(kind: BadIdToken, count: number): void;
  /** The fault for this token request, if one is armed; uses it up. */
  takeTokenFault(): TokenEndpointFault | undefined;
  takeApiFault(): ApiFault | undefined;
  takeBadIdToken(): BadIdToken | undefined;
  /** Faults, lifetimes and the keyword delay back to how the sandbox started. */
  reset(): void;
  resetStats(): void;
}

function take<T>(armed: Armed<T> | undefined): T | undefined {
  if (!armed || armed.remaining <= 0) return undefined;
  armed.remaining--;
  return armed.fault;
}

export function createControlState(defaults: Lifetimes, defaultKeywordDelayMs = 0): ControlState {
  const stats = emptyStats();
  let lifetimes = { ...defaults };
  let keywordDelayMs = defaultKeywordDelayMs;
  let tokenFault: Armed<TokenEndpointFault> | undefined;
  let apiFault: Armed<ApiFault> | undefined;
  let badIdToken: Armed<BadIdToken> | undefined;

  return {
    stats,
    lifetimes: () => lifetimes,
    setLifetimes(changes) {
      lifetimes = { ...lifetimes, ...changes };
    },
    keywordDelayMs: () => keywordDelayMs,
    setKeywordDelay(ms) {
      keywordDelayMs = ms;
    },
    armTokenFault(fault) {
      tokenFault = { fault, remaining: fault.count };
    },
    armApiFault(fault) {
      apiFault = { fault, remaining: fault.count };
    },
    armBadIdToken(kind, count) {
      badIdToken = { fault: kind, remaining: count };
    },
    takeTokenFault: () => take(tokenFault),
    takeApiFault: () => take(apiFault),
    takeBadIdToken: () => take(badIdToken),
    reset() {
      lifetimes = { ...defaults };
      keywordDelayMs = defaultKeywordDelayMs;
      tokenFault = undefined;
      apiFault = undefined;
      badIdToken = undefined;
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
  };
}
