/**
 * An object whose every method, read by any name, waits for `load` and then calls the loaded object's method of that
 * name: the stand-in for code that loads on first use, with no line per method. Every method of `T` read through it
 * must therefore return a promise; members that are not such methods (settings, event registration, methods that
 * answer without loading) belong on an object built over it (`Object.create(forwarded)`), which is read first.
 * It is no thenable, so `await` on it, or on an object built over it, calls nothing.
 * @param load starts loading (once; it is called on every call and must hand back the same promise)
 */
export function forwardWhenLoaded<T extends object>(load: () => Promise<T>): T {
  return new Proxy({} as T, {
    get(_, name) {
      if (typeof name !== "string" || name === "then") return undefined;
      return async (...args: unknown[]) => {
        const loaded = await load();
        const method = (loaded as Record<string, unknown>)[name];
        if (typeof method !== "function") throw new TypeError(`The loaded object has no method "${name}".`);
        return (method as (...callArgs: unknown[]) => unknown).apply(loaded, args);
      };
    },
  });
}
