import type { Redis } from 'ioredis';
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
const SNAPSHOT_TTL_SECONDS = 7 * 24 * 3600;
const MAX_MEMORY_KEYS = 100_000;

export function memoryStores(now: () => number = Date.now): LiveStores {
  // Each entry's own TTL is given when it is set; the bound holds whatever the TTLs are.
  const expiring = boundedCache<string>({ max: MAX_MEMORY_KEYS, ttlMs: 3600_000, clock: now });
  const snapshots = boundedCache<string>({
    max: MAX_MEMORY_KEYS,
    ttlMs: SNAPSHOT_TTL_SECONDS * 1000,
    clock: now,
  });
  return {
    async firstSeen(key, ttlMs) {
      if (expiring.has(key)) return false;
      expiring.set(key, '1', { ttl: ttlMs });
      return true;
    },
    async swap(key, value) {
      const previous = snapshots.get(key) ?? null;
      snapshots.set(key, value);
      return previous;
    },
    async lease(key, owner, ttlMs) {
      const holder = expiring.get(key);
      if (holder !== undefined && holder !== owner) return false;
      expiring.set(key, owner, { ttl: ttlMs });
      return true;
    },
  };
}

export function redisStores(redis: Redis, prefix = 'walletgate:'): LiveStores {
  return {
    async firstSeen(key, ttlMs) {
      return (await redis.set(`${prefix}seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async swap(key, value) {
      // SET ... GET (Redis ≥ 6.2) swaps atomically, so two replicas never both see "changed".
      return redis.set(`${prefix}balance:${key}`, value, 'EX', SNAPSHOT_TTL_SECONDS, 'GET');
    },
    async lease(key, owner, ttlMs) {
      const k = `${prefix}lease:${key}`;
      if ((await redis.set(k, owner, 'PX', ttlMs, 'NX')) === 'OK') return true;
      // The holder may renew its own lease.
      if ((await redis.get(k)) !== owner) return false;
      await redis.pexpire(k, ttlMs);
      return true;
    },
  };
}
