/**
 * Decides which tab leaves for the auth server when several sign out at once (a click in two tabs, or idle sign-out
 * reaching every tab at the same moment). MediaValet's end-session endpoint can be visited once per session: a
 * second visit has no session to end and strands that tab on the server's own page.
 */
export interface SignOutGate {
  /**
   * True for the first tab to ask, which then holds the gate until its page is gone (the sign-out's navigation ends
   * it); false for every tab that asks meanwhile, which should sign out locally and leave the server to the first.
   */
  enter(): Promise<boolean>;
  /** Opens the gate again when this tab's sign-out stopped short of leaving (the server could not be reached). */
  release(): void;
}

/**
 * A gate shared by the tabs of this origin through Web Locks (`ifAvailable`, so a tab never waits for it). Web Locks
 * are released when a page unloads, and unlike localStorage they are consistent across tabs at once. Where Web Locks
 * are missing, every tab may enter (the stored session, removed by the first, is then the only guard).
 */
export function createSignOutGate(
  name: string,
  locks: LockManager | undefined = globalThis.navigator?.locks,
): SignOutGate {
  let release: (() => void) | undefined;
  return {
    enter() {
      if (release) return Promise.resolve(true);
      if (!locks) return Promise.resolve(true);
      return new Promise<boolean>((resolve, reject) => {
        locks
          .request(name, { mode: "exclusive", ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            resolve(true);
            return new Promise<void>((done) => (release = done));
          })
          .catch(reject);
      });
    },
    release() {
      release?.();
      release = undefined;
    },
  };
}
