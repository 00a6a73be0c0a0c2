/**
 * Lets promise chains that are already under way run on: `turns` rounds of the microtask queue, no timers. Enough
 * for a start-up read of the stored user or an event handler's awaits; a chain that waits on a timer or a
 * macrotask (IndexedDB, fetch) needs fake-timer advances or `vi.waitFor` instead.
 */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}
