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
    // Bounded by a count of one per entry rather than `max`, which would preallocate storage for
    // every entry at construction: megabytes of idle memory for bounds that are rarely reached.
    maxSize: options.max,
    sizeCalculation: () => 1,
    ttl: options.ttlMs,
    // Read the clock on every check: a fake clock moves in jumps.
    ttlResolution: 0,
    perf: { now: options.clock },
  });
}
