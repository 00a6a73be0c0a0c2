import type { User } from "oidc-client-ts";
import type { AuthClient } from "../AuthClient";
import { createEffect, createSignal, onCleanup, untrack, type Accessor } from "solid-js";
import { AuthError, toAuthError } from "../AuthError";
import type { RefreshLedger } from "./createRefreshLedger";
import type { RenewalLock } from "./createRenewalLock";
import { needsRenewal, renewalDueAt, retryDelayMs } from "./renewalTiming";

/**
 * - `idle`: nothing to do until the next renewal is due.
 * - `renewing`: a refresh is under way (here or, holding the lock, in another tab).
 * - `retrying`: the last attempt failed for a reason that may pass (network, 5xx); another is scheduled.
 * - `failed`: renewal gave up for now; it starts again when the browser is online or visible again, or on demand.
 */
export type RenewalStatus = "idle" | "renewing" | "retrying" | "failed";

export interface SessionKeeperOptions {
  userManager: AuthClient;
  /** The user this tab holds (reactive). */
  user: () => User | null;
  /** Takes on a user that another tab has already renewed and stored. */
  adopt: (user: User) => void;
  /** The session cannot go on (refresh token refused, or signed out elsewhere). */
  end: (error: AuthError) => void;
  /** A failure to show while the session may still recover; `null` clears it. */
  report: (error: AuthError | null) => void;
  lock: RenewalLock;
  /** Where the tab that renews tells the others which refresh token it spent; see createRefreshLedger. */
  ledger?: Pick<RefreshLedger, "record" | "replacementFor">;
  /**
   * `userManager.signinSilent` records its answer in that ledger itself (VerifyingUserManager does, the moment the
   * answer arrives and before verifying it), so the keeper does not write the same record a second time.
   */
  recordedByUserManager?: boolean;
  now: () => number;
  random?: () => number;
  /** Attempts per episode before giving up until the next trigger. */
  maxAttempts?: number;
  /** Where to listen for `online`, `visibilitychange` and clock jumps. */
  window?: Window;
}

export interface RenewOptions {
  /** The access token a request was refused with: if the stored one differs, another tab already renewed. */
  staleAccessToken?: string;
  /** Refresh even when the token is not yet due (the user asked for it). */
  force?: boolean;
}

export interface SessionKeeper {
  status: Accessor<RenewalStatus>;
  /** Renews now, unless another tab already has; concurrent calls share one attempt. */
  renew(options?: RenewOptions): Promise<string | undefined>;
}

const MAX_TIMER_DELAY = 2_147_483_647;
const CLOCK_CHECK_MS = 5_000;
// A wake-up this much later than planned means the machine slept or the clock jumped.
const CLOCK_JUMP_MS = 10_000;

const NO_LEDGER: Pick<RefreshLedger, "record" | "replacementFor"> = {
  record: async () => undefined,
  replacementFor: async () => undefined,
};

/**
 * One renewal, run under the lock. Another tab may have renewed (or signed out) while this one waited for it, so
 * the store is read first; then the ledger, as this tab's copy of the store may lag behind the tab that held the
 * lock just before; only then is the refresh token sent.
 * @returns the access token afterwards
 */
async function renewUnderLock(
  options: SessionKeeperOptions,
  ledger: Pick<RefreshLedger, "record" | "replacementFor">,
  request: RenewOptions,
): Promise<string | undefined> {
  const { userManager, now } = options;
  const stored = await userManager.getUser();
  if (!stored) throw new AuthError("renewSilent", "signed_out_elsewhere", "You signed out in another tab.");
  const seen = request.staleAccessToken ?? untrack(options.user)?.access_token;
  if (stored.access_token !== seen && !needsRenewal(stored, now())) {
    options.adopt(stored);
    return stored.access_token;
  }
  if (!request.force && !request.staleAccessToken && !needsRenewal(stored, now())) return stored.access_token;
  const spent = stored.refresh_token;
  // An unreadable ledger is no reason to end a session: it only makes a handover less likely to be seen.
  const replacement = spent ? await ledger.replacementFor(spent).catch(() => undefined) : undefined;
  if (replacement) {
    // Verified by storeSession where this tab has not seen its id_token: the other tab may have recorded the
    // answer before its own verification settled.
    const handedOver = await userManager.storeSession(replacement);
    options.adopt(handedOver);
    return handedOver.access_token;
  }
  const renewed = await userManager.signinSilent();
  if (spent && renewed && !options.recordedByUserManager) {
    await ledger.record(spent, renewed.toStorageString()).catch(() => undefined);
  }
  return renewed?.access_token;
}

/** Calls `resume` when the browser comes back online, becomes visible, or wakes from sleep (a clock jump). */
function watchForResume(target: Window, now: () => number, resume: () => void): void {
  const onVisibility = () => {
    if (target.document.visibilityState === "visible") resume();
  };
  target.addEventListener("online", resume);
  target.document.addEventListener("visibilitychange", onVisibility);
  let lastTick = now();
  const clock = setInterval(() => {
    const tick = now();
    if (tick - lastTick > CLOCK_CHECK_MS + CLOCK_JUMP_MS) resume();
    lastTick = tick;
  }, CLOCK_CHECK_MS);
  onCleanup(() => {
    target.removeEventListener("online", resume);
    target.document.removeEventListener("visibilitychange", onVisibility);
    clearInterval(clock);
  });
}

/**
 * Keeps a session alive: renews with the refresh token shortly before the access token expires, inside a lock
 * shared by all tabs; backs off and retries on failures toAuthError calls transient; starts again when the browser
 * comes back online, becomes visible, or wakes from sleep; ends the session on any other failure (the server
 * refusing the refresh token, a refused id_token).
 * Must run inside a reactive root; its timers and listeners go with it.
 *
 * Longer than most functions here, on purpose: the attempt count, the retry timer and the renewal in flight are one
 * piece of state that the schedule, the resume triggers, the failure handling and callers all share; the steps that
 * need none of it (renewUnderLock, watchForResume) live outside.
 */
export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const ledger = options.ledger ?? NO_LEDGER;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const [status, setStatus] = createSignal<RenewalStatus>("idle");

  let inflight: Promise<string | undefined> | undefined;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const clearRetry = () => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  };
  onCleanup(() => {
    disposed = true;
    clearRetry();
  });

  /** What a failed attempt leads to, by its code and whether it is transient. */
  const settleFailure = (error: AuthError) => {
    if (error.code === "signed_out_elsewhere") {
      setStatus("idle");
      options.end(error);
      return;
    }
    if (!error.transient) {
      setStatus("failed");
      options.end(
        new AuthError(
          "renewSilent",
          "session_ended",
          "Your session has ended: the sign-in server no longer accepts it. Sign in again to go on where you were.",
          { cause: error },
        ),
      );
      return;
    }
    attempt += 1;
    if (attempt < maxAttempts) {
      setStatus("retrying");
      retryTimer = setTimeout(() => void renew(), retryDelayMs(attempt, random));
    } else {
      setStatus("failed");
      attempt = 0;
    }
    options.report(error);
  };

  const attemptRenewal = async (request: RenewOptions): Promise<string | undefined> => {
    clearRetry();
    setStatus("renewing");
    try {
      const token = await options.lock(() => renewUnderLock(options, ledger, request));
      attempt = 0;
      setStatus("idle");
      options.report(null);
      return token;
    } catch (error) {
      if (!disposed) settleFailure(toAuthError("renewSilent", error));
      return undefined;
    }
  };

  const renew = (request: RenewOptions = {}): Promise<string | undefined> => {
    inflight ??= attemptRenewal(request).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  /** Renews when the token is due and nothing is under way; what the triggers and the schedule call. */
  const renewIfDue = () => {
    const user = untrack(options.user);
    if (!user?.refresh_token || inflight || retryTimer !== undefined) return;
    if (needsRenewal(user, options.now())) void renew();
  };

  // The schedule: re-armed whenever the user (and so the expiry) changes.
  createEffect(() => {
    const user = options.user();
    if (!user?.refresh_token || user.expires_at === undefined) return;
    const dueIn = (renewalDueAt(user) ?? Infinity) - options.now();
    const timer = setTimeout(renewIfDue, Math.min(Math.max(0, dueIn), MAX_TIMER_DELAY));
    onCleanup(() => clearTimeout(timer));
  });

  // After these, a failed or missed renewal is tried again at once.
  const resume = () => {
    if (untrack(status) === "failed") attempt = 0;
    if (untrack(status) === "retrying") clearRetry();
    renewIfDue();
  };
  watchForResume(options.window ?? window, options.now, resume);

  return { status, renew };
}
