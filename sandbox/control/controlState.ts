import {
  emptyStats,
  type ArchiveControl,
  type BulkFault,
  type ApiFault,
  type BadIdToken,
  type Lifetimes,
  type SandboxStats,
  type TokenEndpointFault,
} from "./controlTypes";

/** Archives take two seconds and end ready unless a test says otherwise. */
const DEFAULT_ARCHIVE: ArchiveControl = { seconds: 2, outcome: "ready" };

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
  /** Whether the API requires its nonce in DPoP proofs (RFC 9449 §9); off unless a test asks. */
  dpopNonceRequired(): boolean;
  setDpopNonceRequired(required: boolean): void;
  setLifetimes(lifetimes: Partial<Lifetimes>): void;
  armTokenFault(fault: TokenEndpointFault): void;
  armApiFault(fault: ApiFault): void;
  armBadIdToken(kind: BadIdToken, count: number): void;
  /** The fault for this token request, if one is armed; uses it up. */
  takeTokenFault(): TokenEndpointFault | undefined;
  /** The armed API fault, if it applies to a request for `path`; counts it down. */
  takeApiFault(path: string): ApiFault | undefined;
  takeBadIdToken(): BadIdToken | undefined;
  armBulkFault(fault: BulkFault): void;
  /** The fault for this `POST /bulk`, if one is armed; uses it up. */
  takeBulkFault(): BulkFault | undefined;
  /** How an archive asked for now behaves. */
  archiveSettings(): ArchiveControl;
  setArchiveSettings(settings: Partial<ArchiveControl>): void;
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
  let dpopNonceRequired = false;
  let tokenFault: Armed<TokenEndpointFault> | undefined;
  let apiFault: Armed<ApiFault> | undefined;
  let badIdToken: Armed<BadIdToken> | undefined;
  let bulkFault: Armed<BulkFault> | undefined;
  let archive: ArchiveControl = { ...DEFAULT_ARCHIVE };

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
    dpopNonceRequired: () => dpopNonceRequired,
    setDpopNonceRequired(required) {
      dpopNonceRequired = required;
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
    takeApiFault: (path) =>
      apiFault?.fault.path === undefined || apiFault.fault.path === path ? take(apiFault) : undefined,
    takeBadIdToken: () => take(badIdToken),
    armBulkFault(fault) {
      bulkFault = { fault, remaining: fault.batches ?? 1 };
    },
    takeBulkFault: () => take(bulkFault),
    archiveSettings: () => ({ ...archive }),
    setArchiveSettings(settings) {
      archive = { ...archive, ...settings };
    },
    reset() {
      lifetimes = { ...defaults };
      keywordDelayMs = defaultKeywordDelayMs;
      dpopNonceRequired = false;
      tokenFault = undefined;
      apiFault = undefined;
      badIdToken = undefined;
      bulkFault = undefined;
      archive = { ...DEFAULT_ARCHIVE };
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
  };
}
