import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../bounded-cache.js';
import type { Logger } from '../logger.js';
import { decode, encode } from './codec.js';
import { RedisTier } from './redis-tier.js';

/** A cached value and when the provider answered it (epoch ms). */
export interface CacheEntry<V = unknown> {
  readonly value: V;
  readonly fetchedAt: number;
}

export interface TieredCacheOptions {
  /** How long an entry is kept at all (served fresh, stale while revalidating, or on error). */
  readonly lifetimeMs: number;
  readonly maxEntries: number;
  readonly clock: () => number;
  readonly redisUrl?: string | undefined;
  readonly logger: Logger;
  /** A key was rewritten or dropped, here or (over Redis) on another replica. */
  readonly onChange?: (key: string) => void;
}

/**
 * Two tiers: a bounded LRU in this process in front of Redis (when configured), shared by every
 * replica. A read tries the local tier, then Redis (keeping what it found locally); a write goes
 * to both, and the other replicas drop their local copy of the key on Redis's invalidation
 * message. Redis failing costs only its tier (see RedisTier).
 */
export class TieredCache {
  private readonly local: LRUCache<string, CacheEntry>;
  private readonly redis: RedisTier | undefined;
  /** Keys other replicas rewrote, dropped here on their message (tests wait on it). */
  invalidationsReceived = 0;

  constructor(private readonly options: TieredCacheOptions) {
    this.local = boundedCache<CacheEntry>({
      max: options.maxEntries,
      ttlMs: Math.max(1, options.lifetimeMs),
      clock: options.clock,
    });
    this.redis =
      options.redisUrl && options.lifetimeMs > 0
        ? new RedisTier(
            options.redisUrl,
            options.logger,
            (key) => {
              this.local.delete(key);
              this.invalidationsReceived++;
              options.onChange?.(key);
            },
            () => this.dropLocal(),
          )
        : undefined;
  }

  /**
   * False while the shared tier is configured but other replicas' rewrites cannot reach this one
   * (Redis away): a local entry is then only as trustworthy as one no webhook keeps current.
   */
  get announced(): boolean {
    return this.redis ? this.redis.announcing : true;
  }

  /** Forgets every local entry (rewrites announced while the channel was down were missed). */
  private dropLocal(): void {
    const keys = [...this.local.keys()];
    this.local.clear();
    for (const key of keys) this.options.onChange?.(key);
  }

  get enabled(): boolean {
    return this.options.lifetimeMs > 0;
  }

  async get<V>(key: string): Promise<CacheEntry<V> | undefined> {
    if (!this.enabled) return undefined;
    const hit = this.local.get(key);
    if (hit || !this.redis) return hit as CacheEntry<V> | undefined;
    const text = await this.redis.get(key);
    if (text === null) return undefined;
    let entry: CacheEntry<V>;
    try {
      const stored = decode(text) as { v: V; at: number };
      entry = { value: stored.v, fetchedAt: stored.at };
    } catch (e) {
      this.options.logger.warn({ key, err: String(e) }, 'wallet cache: unreadable entry ignored');
      return undefined;
    }
    const left = this.options.lifetimeMs - (this.options.clock() - entry.fetchedAt);
    if (left <= 0) return undefined;
    this.local.set(key, entry, { ttl: left });
    return entry;
  }

  /**
   * Keeps the entry here and, when `shared`, in Redis for the other replicas (a value the codec
   * cannot write exactly stays local).
   */
  async set(key: string, entry: CacheEntry, shared = true): Promise<void> {
    if (!this.enabled) return;
    this.local.set(key, entry);
    this.options.onChange?.(key);
    if (!this.redis || !shared) return;
    let text: string;
    try {
      text = encode({ v: entry.value, at: entry.fetchedAt });
    } catch (e) {
      this.options.logger.debug({ key, err: String(e) }, 'wallet cache: kept locally only');
      return;
    }
    await this.redis.set(key, text, this.options.lifetimeMs);
  }

  /** Forgets the key on every replica. */
  async drop(key: string): Promise<void> {
    this.local.delete(key);
    this.options.onChange?.(key);
    await this.redis?.del(key);
  }

  /** True when this replica may refresh the key now (a short lease across replicas). */
  lease(key: string, ttlMs: number): Promise<boolean> {
    return this.redis ? this.redis.lease(key, ttlMs) : Promise.resolve(true);
  }

  async release(key: string): Promise<void> {
    await this.redis?.release(key);
  }

  /** Resolves once the shared tier is up, or after `boundMs` (it fails open meanwhile). */
  async ready(boundMs = 2000): Promise<void> {
    await this.redis?.ready(boundMs);
  }

  async close(): Promise<void> {
    await this.redis?.close();
  }
}
