import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import {
  type LiveStores,
  type MemoryStores,
  memoryStores,
  redisStores,
  seenKey,
  snapshotKey,
} from './stores.js';

/** A store operation this replica answered from its own memory because Redis could not. */
export type RedisFallback = 'dedupe' | 'snapshot' | 'lease' | 'publish' | 'subscribe';

const UNAVAILABLE = Symbol('redis unavailable');
// Refilling a restarted Redis goes in pipelines of this many writes.
const REFILL_BATCH = 500;

/**
 * The stores of a replica among several: Redis for the fleet, with this replica's own memory kept
 * beside it and consulted too. While Redis is away, every operation is answered from memory
 * (counted through `onFallback`), so nothing waits on or fails with Redis. Memory also covers a
 * Redis that comes back empty (restarted without persistence): a delivery id this replica saw
 * stays a duplicate, a balance it saw stays the previous balance, and on each reconnect what it
 * remembers is written back (never over what Redis holds), so the other replicas see it too.
 */
export class SharedStores implements LiveStores {
  private readonly local: MemoryStores;
  private readonly remote: LiveStores;
  /** False from a disconnect until the reconnected Redis has been refilled. */
  private usable = false;
  private generation = 0;
  private refilling: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly deps: {
      logger: Logger;
      onFallback?: ((operation: RedisFallback) => void) | undefined;
      now?: () => number;
    },
  ) {
    this.local = memoryStores(deps.now);
    this.remote = redisStores(redis);
    redis.on('close', () => {
      this.usable = false;
    });
    redis.on('ready', () => void this.refill());
    if (redis.status === 'ready') void this.refill();
  }

  /** True once Redis is connected and holds what this replica remembers. */
  get shared(): boolean {
    return this.usable && this.redis.status === 'ready';
  }

  /** Resolves when the refill after the latest reconnect is done (tests). */
  async synced(): Promise<void> {
    await this.refilling;
  }

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    // Seen here: a duplicate whatever Redis says (it may have lost the key).
    if (!(await this.local.firstSeen(key, ttlMs))) return false;
    const fleet = await this.attempt('dedupe', () => this.remote.firstSeen(key, ttlMs));
    return fleet === UNAVAILABLE ? true : fleet;
  }

  async swap(key: string, value: string): Promise<string | null> {
    const mine = await this.local.swap(key, value);
    const fleet = await this.attempt('snapshot', () => this.remote.swap(key, value));
    // Redis without the key after an outage: what this replica last saw is the previous balance.
    return fleet === UNAVAILABLE ? mine : (fleet ?? mine);
  }

  async lease(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const fleet = await this.attempt('lease', () => this.remote.lease(key, owner, ttlMs));
    // Without Redis each replica polls what its own subscribers watch.
    return fleet === UNAVAILABLE ? this.local.lease(key, owner, ttlMs) : fleet;
  }

  /** Records a balance another replica saw, in this replica's memory only. */
  remember(key: string, value: string): void {
    this.local.snapshots.set(key, value);
  }

  private async attempt<T>(
    operation: RedisFallback,
    run: () => Promise<T>,
  ): Promise<T | typeof UNAVAILABLE> {
    if (!this.shared) {
      this.deps.onFallback?.(operation);
      return UNAVAILABLE;
    }
    try {
      return await run();
    } catch (e) {
      this.deps.onFallback?.(operation);
      this.deps.logger.warn(
        { operation, err: e instanceof Error ? e.message : String(e) },
        'redis command failed: answered from this replica',
      );
      return UNAVAILABLE;
    }
  }

  /** Writes back, only where Redis has nothing, the delivery ids and balances this replica knows. */
  private refill(): Promise<void> {
    const generation = ++this.generation;
    const run = async () => {
      if (generation !== this.generation) return;
      const writes: [key: string, value: string, ttlMs: number][] = [];
      for (const [key, caches] of [
        [seenKey, this.local.seen],
        [snapshotKey, this.local.snapshots],
      ] as const)
        for (const [k, value] of caches.entries()) {
          const ttl = Math.ceil(caches.getRemainingTTL(k));
          if (ttl > 0 && Number.isFinite(ttl)) writes.push([key(k), value, ttl]);
        }
      try {
        for (let i = 0; i < writes.length; i += REFILL_BATCH) {
          const pipeline = this.redis.pipeline();
          for (const [k, v, ttl] of writes.slice(i, i + REFILL_BATCH))
            pipeline.set(k, v, 'PX', ttl, 'NX');
          await pipeline.exec();
        }
        // A later reconnect's refill decides instead.
        if (generation === this.generation && this.redis.status === 'ready') this.usable = true;
        if (writes.length > 0)
          this.deps.logger.info({ keys: writes.length }, 'redis refilled from this replica');
      } catch (e) {
        // Redis went away again: the next 'ready' refills.
        this.deps.logger.warn(
          { err: e instanceof Error ? e.message : String(e) },
          'redis refill failed',
        );
      }
    };
    this.refilling = (this.refilling ?? Promise.resolve()).then(run);
    return this.refilling;
  }
}
