import { LRUCache } from 'lru-cache';

export interface BoundedCacheOptions {
  /** Entries kept at most; the least recently used goes first. */
  readonly max: number;
  /** How long an entry is believed (a `set` may give its own). */
  readonly ttlMs: number;
  /** The clock expiry is measured on (tests move it). */
  readonly clock: () => number;
}

/**
 * Every cache keyed by something a caller chooses (an external id, a customer id) is one of
 * these: bounded in size and in age, so a stream of distinct keys costs a fixed amount of memory.
 */
export function boundedCache<V extends NonNullable<unknown>>(
  options: BoundedCacheOptions,
): LRUCache<string, V> {
  return new LRUCache<string, V>({
    max: options.max,
    ttl: options.ttlMs,
    // Read the clock on every check: a fake clock moves in jumps.
    ttlResolution: 0,
    perf: { now: options.clock },
  });
}
