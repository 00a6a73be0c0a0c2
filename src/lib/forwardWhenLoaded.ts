/**
 * An object whose every method, read by any name, waits for `load` and then calls the loaded object's method of that
 * name: the stand-in for code that loads on first use, with no line per method. Every method of `T` read through it
 * must therefore return a promise; members that are not such methods (settings, event registration, methods that
 * answer without loading) belong on an object built over it (`Object.create(forwarded)`), which is read first.
 * It is no thenable, so `await` on it, or on an object built over it, calls nothing.
 * @param load the loaded object, loading it first if need be (it is called on every call, so it must load once)
 * @param loaded the object, when it is there already: the call then goes to it at once, not a microtask later, so
 *   what the method starts (a request) is not held back by the rest of the task that called it (a page's render)
 */
export function forwardWhenLoaded<T extends object>(load: () => Promise<T>, loaded?: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, name) {
      if (typeof name !== "string" || name === "then") return undefined;
      return (...args: unknown[]) => {
        const now = loaded?.();
        if (now === undefined) return load().then((target) => callOn(target, name, args));
        try {
          return callOn(now, name, args);
        } catch (error) {
          // A method that throws before returning its promise fails its call as it would once loaded.
          return Promise.reject(error);
        }
      };
    },
  });
}

/** The method's promise; a rejection, never a throw, when there is no such method. */
function callOn(target: object, name: string, args: unknown[]): unknown {
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== "function") {
    return Promise.reject(new TypeError(`The loaded object has no method "${name}".`));
  }
  return (method as (...callArgs: unknown[]) => unknown).apply(target, args);
}
