import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** A Redis command that has not answered by then is given up on: the caller goes upstream. */
export const REDIS_TIMEOUT_MS = 100;

const PREFIX = 'walletgate:cache:v1:';
const CHANNEL = 'walletgate:cache:v1:invalidate';

/**
 * The shared tier: cached wallets in Redis, so every replica reads what one replica fetched, and
 * an invalidation channel, so each replica's local tier drops a key another replica rewrote. It
 * fails open: a command sent while Redis is down or slow answers "nothing" (get), "yours"
 * (lease) or is dropped (set, del), within REDIS_TIMEOUT_MS, never throwing; queries then go upstream.
 */
export class RedisTier {
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  /** Tells this replica's own invalidations apart from others'. */
  private readonly origin = randomUUID();
  private subscribed = false;
  /** The invalidation channel dropped since it was last subscribed: messages may be lost. */
  private channelLost = false;

  constructor(
    url: string,
    private readonly logger: Logger,
    onInvalidate: (key: string) => void,
    /** The channel is back after a loss: whatever the local tier holds may have been rewritten. */
    onChannelRestored: () => void = () => {},
  ) {
    // No offline queue: while Redis is away a command fails at once instead of waiting for it.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    this.commands = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const r of [this.commands, this.subscriber])
      r.on('error', (e: Error) => logger.debug({ err: e.message }, 'wallet cache: redis error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const space = message.indexOf(' ');
      if (space > 0 && message.slice(0, space) !== this.origin)
        onInvalidate(message.slice(space + 1));
    });
    this.subscriber.on('close', () => {
      if (this.subscribed) this.channelLost = true;
    });
    // ioredis subscribes again by itself after a reconnect; subscribing here too (idempotent)
    // tells when the channel is really back, so nothing is trusted before messages flow again.
    this.subscriber.on('ready', () => {
      if (!this.channelLost) return;
      this.subscriber
        .subscribe(CHANNEL)
        .then(() => {
          this.channelLost = false;
          onChannelRestored();
        })
        .catch((e: unknown) =>
          logger.debug({ err: String(e) }, 'wallet cache: invalidation channel not back yet'),
        );
    });
    this.subscriber
      .subscribe(CHANNEL)
      .then(() => {
        this.subscribed = true;
      })
      .catch((e: unknown) =>
        logger.warn({ err: String(e) }, 'wallet cache: invalidation channel unavailable'),
      );
  }

  /** Resolves once both connections are up (or after `boundMs`: the tier fails open meanwhile). */
  async ready(boundMs: number): Promise<void> {
    const deadline = Date.now() + boundMs;
    while (
      (this.commands.status !== 'ready' || !this.subscribed) &&
      Date.now() < deadline &&
      this.commands.status !== 'end'
    )
      await new Promise((r) => setTimeout(r, 10));
  }

  /**
   * True while another replica's rewrite may go unannounced here: the invalidation channel is
   * down or the commands cannot reach Redis.
   */
  get announcing(): boolean {
    return this.subscribed && !this.channelLost && this.commands.status === 'ready';
  }

  /** Runs a command unless Redis is unavailable; any failure or a slow answer is `fallback`. */
  private async attempt<T>(what: string, fallback: T, command: () => Promise<T>): Promise<T> {
    if (this.commands.status !== 'ready') return fallback;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        command(),
        new Promise<T>((resolve) => {
          timer = setTimeout(() => {
            this.logger.debug({ command: what }, 'wallet cache: redis too slow, skipped');
            resolve(fallback);
          }, REDIS_TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      this.logger.debug({ command: what, err: String(e) }, 'wallet cache: redis failed, skipped');
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  get(key: string): Promise<string | null> {
    return this.attempt('get', null, () => this.commands.get(PREFIX + key));
  }

  /**
   * Stores the value, then tells the other replicas to drop their local copy (in that order: a
   * replica that drops it reads the new value here).
   */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.attempt('set', undefined, async () => {
      await this.commands.set(PREFIX + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
      await this.commands.publish(CHANNEL, `${this.origin} ${key}`);
    });
  }

  async del(key: string): Promise<void> {
    await this.attempt('del', undefined, async () => {
      await this.commands.del(PREFIX + key);
      await this.commands.publish(CHANNEL, `${this.origin} ${key}`);
    });
  }

  /**
   * One refresher per key across replicas: true when this replica holds the lease. Without Redis
   * every replica may refresh (each still once per key, in process).
   */
  lease(key: string, ttlMs: number): Promise<boolean> {
    return this.attempt(
      'lease',
      true,
      async () =>
        (await this.commands.set(`${PREFIX}lease:${key}`, this.origin, 'PX', ttlMs, 'NX')) === 'OK',
    );
  }

  async release(key: string): Promise<void> {
    // Only our own lease: it may have run out and another replica taken it.
    await this.attempt('release', undefined, async () => {
      if ((await this.commands.get(`${PREFIX}lease:${key}`)) === this.origin)
        await this.commands.del(`${PREFIX}lease:${key}`);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.commands, this.subscriber].map((r) => r.quit().catch(() => r.disconnect())),
    );
  }
}
