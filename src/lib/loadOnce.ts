/** A loader from {@link loadOnce}: call it to load, or read what it loaded. */
export interface Loader<T> {
  (): Promise<T>;
  /** What the load resolved to, once it has; until then (and after a failure) undefined. */
  readonly loaded: T | undefined;
}

/**
 * A loader that starts `load` once and hands every caller the same promise; a failure is forgotten, so the next call
 * tries again. Code that is preloaded early and used later must go through one such loader: in Chromium a second
 * `import()` of a module that is already there still waits for a task of its own, which on a busy page load came 10
 * to 25 ms after the module itself (issue 16). What it loaded can also be read at once (`loaded`), for code that
 * must not wait even for a microtask when the module is already there.
 */
export function loadOnce<T>(load: () => Promise<T>): Loader<T> {
  let loading: Promise<T> | undefined;
  const loader: { (): Promise<T>; loaded?: T } = () =>
    (loading ??= load().then(
      (value) => (loader.loaded = value),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return loader as Loader<T>;
}

/** One instance made from a loader's code: {@link instanceFrom}. */
export interface LazyInstance<T> {
  /** The instance, loading its code first if need be. */
  (): Promise<T>;
  /** The instance at once, made now if its code is in; undefined while the code is not. */
  now(): T | undefined;
}

/**
 * Makes one instance from what `code` loads, the first time it is asked for, at once if the code is already in.
 * @param code the loader of the code (from {@link loadOnce})
 * @param create makes the instance from the loaded code; called once
 */
export function instanceFrom<C, T>(code: Loader<C>, create: (loaded: C) => T): LazyInstance<T> {
  let instance: T | undefined;
  const now = () => (instance ??= code.loaded === undefined ? undefined : create(code.loaded));
  // Once `code()` has resolved, its `loaded` is set (loadOnce), so `now` has the instance.
  return Object.assign(() => code().then(() => now() as T), { now });
}
