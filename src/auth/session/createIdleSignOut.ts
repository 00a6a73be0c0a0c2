import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from "solid-js";

export interface IdleSignOutOptions {
  /** Minutes without activity in any tab before signing out. */
  minutes: number;
  /** Called once when the time is up. */
  signOut: () => void;
  now: () => number;
  /** Shared by the tabs of this browser, so activity in one keeps them all signed in. */
  storage: Storage;
  /** Whether a session is open: the clock runs only then, and starts afresh with each session. Always, by default. */
  active?: Accessor<boolean>;
  window?: Window;
}

export interface IdleSignOut {
  /** Seconds left before sign-out while the warning should show; null otherwise. */
  secondsLeft: Accessor<number | null>;
  /** Counts as activity: the person said they are still here. */
  stayActive(): void;
}

const ACTIVITY_KEY = "valet.lastActivity";
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;
// Writes to storage (and so storage events in other tabs) at most this often.
const RECORD_EVERY_MS = 5_000;

function recordedActivity(storage: Storage): number | undefined {
  return Number(storage.getItem(ACTIVITY_KEY)) || undefined;
}

/**
 * True when the shared record says nobody has been active for longer than the limit: the browser was closed (or every
 * tab of Valet) with a session stored. Read at start-up, before anything renews the session or starts a new period
 * (which records the present as activity). False when there is no record.
 */
export function idleLimitPassed(options: Pick<IdleSignOutOptions, "minutes" | "now" | "storage">): boolean {
  const at = recordedActivity(options.storage);
  return at !== undefined && options.now() - at >= options.minutes * 60_000;
}

/**
 * Signs out after a period without activity in any tab, showing a countdown for the last minute (or the last
 * half of a shorter period). Each session's period starts when it becomes active: a session resumed at start-up is
 * checked against the record first, with {@link idleLimitPassed}. Must run inside a reactive root; its listeners and
 * timers go with it.
 */
export function createIdleSignOut(options: IdleSignOutOptions): IdleSignOut {
  const active = createMemo(options.active ?? (() => true));
  const [current, setCurrent] = createSignal<IdleSignOut>();
  // Owned by this effect: a new session gets a fresh period, and the end of a session disposes the old one.
  createEffect(() => setCurrent(active() ? startPeriod(options) : undefined));
  return {
    secondsLeft: () => current()?.secondsLeft() ?? null,
    stayActive: () => current()?.stayActive(),
  };
}

/** One session's clock, from now. */
function startPeriod(options: IdleSignOutOptions): IdleSignOut {
  const target = options.window ?? window;
  const idleMs = options.minutes * 60_000;
  const warnMs = Math.min(60_000, idleMs / 2);
  const [secondsLeft, setSecondsLeft] = createSignal<number | null>(null);

  const lastActivity = () => recordedActivity(options.storage) ?? options.now();
  let lastRecorded = 0;
  const record = (force = false) => {
    const at = options.now();
    if (!force && at - lastRecorded < RECORD_EVERY_MS) return;
    lastRecorded = at;
    options.storage.setItem(ACTIVITY_KEY, String(at));
  };
  record(true);

  let done = false;
  const check = () => {
    if (done) return;
    const left = lastActivity() + idleMs - options.now();
    if (left <= 0) {
      done = true;
      setSecondsLeft(null);
      options.signOut();
      return;
    }
    setSecondsLeft(left <= warnMs ? Math.ceil(left / 1000) : null);
  };
  const timer = setInterval(check, 1_000);
  const onActivity = () => record();
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { passive: true });
  onCleanup(() => {
    clearInterval(timer);
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity);
  });

  return {
    secondsLeft,
    stayActive: () => {
      record(true);
      check();
    },
  };
}
