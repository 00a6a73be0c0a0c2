/**
 * A loader that starts `load` once and hands every caller the same promise; a failure is forgotten, so the next call
 * tries again. Code that is preloaded early and used later must go through one such loader: in Chromium a second
 * `import()` of a module that is already there still waits for a task of its own, which on a busy page load came 10
 * to 25 ms after the module itself (issue 16).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
