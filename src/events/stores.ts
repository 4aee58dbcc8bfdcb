import type { Redis } from 'ioredis';
import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../bounded-cache.js';

/**
 * State the live-balance machinery shares: in memory for one process, in Redis across replicas
 * so that dedupe, change detection and poll ownership hold for the whole fleet.
 */
export interface LiveStores {
  /** True the first time `key` is seen within `ttlMs` (webhook delivery dedupe). */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
  /** Stores `value` for `key` and answers the value it replaced (null when none): atomic. */
  swap(key: string, value: string): Promise<string | null>;
  /** Takes a lease on `key` for `ttlMs`; false while another holder's lease runs. */
  lease(key: string, owner: string, ttlMs: number): Promise<boolean>;
}

// Snapshots outlive any webhook retry window but do not pile up forever.
export const SNAPSHOT_TTL_SECONDS = 7 * 24 * 3600;
const MAX_MEMORY_KEYS = 100_000;

/** One process's stores; its caches are readable so a Redis that lost them can be refilled. */
export class MemoryStores implements LiveStores {
  // Each entry's own TTL is given when it is set; the bound holds whatever the TTLs are.
  readonly seen: LRUCache<string, string>;
  readonly snapshots: LRUCache<string, string>;
  private readonly leases: LRUCache<string, string>;

  constructor(now: () => number = Date.now) {
    this.seen = boundedCache<string>({ max: MAX_MEMORY_KEYS, ttlMs: 3600_000, clock: now });
    this.leases = boundedCache<string>({ max: MAX_MEMORY_KEYS, ttlMs: 3600_000, clock: now });
    this.snapshots = boundedCache<string>({
      max: MAX_MEMORY_KEYS,
      ttlMs: SNAPSHOT_TTL_SECONDS * 1000,
      clock: now,
    });
  }

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    if (this.seen.has(key)) return false;
    this.seen.set(key, '1', { ttl: ttlMs });
    return true;
  }

  async swap(key: string, value: string): Promise<string | null> {
    const previous = this.snapshots.get(key) ?? null;
    this.snapshots.set(key, value);
    return previous;
  }

  async lease(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const holder = this.leases.get(key);
    if (holder !== undefined && holder !== owner) return false;
    this.leases.set(key, owner, { ttl: ttlMs });
    return true;
  }
}

export function memoryStores(now: () => number = Date.now): MemoryStores {
  return new MemoryStores(now);
}

export const REDIS_KEY_PREFIX = 'walletgate:';
export const seenKey = (key: string) => `${REDIS_KEY_PREFIX}seen:${key}`;
export const snapshotKey = (key: string) => `${REDIS_KEY_PREFIX}balance:${key}`;

export function redisStores(redis: Redis): LiveStores {
  return {
    async firstSeen(key, ttlMs) {
      return (await redis.set(seenKey(key), '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async swap(key, value) {
      // SET ... GET (Redis ≥ 6.2) swaps atomically, so two replicas never both see "changed".
      return redis.set(snapshotKey(key), value, 'EX', SNAPSHOT_TTL_SECONDS, 'GET');
    },
    async lease(key, owner, ttlMs) {
      const k = `${REDIS_KEY_PREFIX}lease:${key}`;
      if ((await redis.set(k, owner, 'PX', ttlMs, 'NX')) === 'OK') return true;
      // The holder may renew its own lease.
      if ((await redis.get(k)) !== owner) return false;
      await redis.pexpire(k, ttlMs);
      return true;
    },
  };
}
