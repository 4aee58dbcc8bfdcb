/**
 * The same plugin, with every error its hooks throw (or reject with) replaced by `map(error)`:
 * for ecosystem plugins whose refusals carry no code or the wrong status.
 */
export function withErrorsMapped<P extends object>(plugin: P, map: (e: unknown) => unknown): P {
  const mapped: Record<string, unknown> = {};
  for (const [name, hook] of Object.entries(plugin)) {
    mapped[name] =
      typeof hook !== 'function'
        ? hook
        : (...args: unknown[]) => {
            let value: unknown;
            try {
              value = hook.apply(plugin, args);
            } catch (e) {
              throw map(e);
            }
            // Yoga's helpers return promise-likes that are not always `instanceof Promise`.
            return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function'
              ? Promise.resolve(value).catch((e: unknown) => {
                  throw map(e);
                })
              : value;
          };
  }
  return mapped as P;
}
