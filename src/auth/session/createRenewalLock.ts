/** Runs a task while holding the renewal lock; tasks queue behind each other. */
export type RenewalLock = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A lock shared by every tab of this origin (Web Locks), so that only one tab at a time uses the refresh token: with
 * rotating refresh tokens, a second tab sending the same one would be refused and could revoke the whole family.
 * Where Web Locks are missing, tasks of this tab still run one at a time.
 */
export function createRenewalLock(
  name: string,
  locks: LockManager | undefined = globalThis.navigator?.locks,
): RenewalLock {
  if (locks) {
    return <T>(task: () => Promise<T>) => locks.request(name, { mode: "exclusive" }, task) as Promise<T>;
  }
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
