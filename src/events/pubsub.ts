import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { BalanceChangedMessage } from './balance-event.js';
import { createResilientEventTarget } from './redis-event-target.js';
import type { TransactionEventMessage } from './transaction-event.js';

/** Balance changes and wallet transactions, each channel keyed by a wallet or customer topic. */
export type BalancePubSub = PubSub<{
  balance: [topic: string, message: BalanceChangedMessage];
  transaction: [topic: string, message: TransactionEventMessage];
}>;

export interface RedisPubSubClients {
  readonly publish: Redis;
  readonly subscribe: Redis;
  readonly logger: Logger;
  readonly onFallback?: ((operation: 'publish' | 'subscribe') => void) | undefined;
  /** A balance change another replica published, as it reaches this one. */
  readonly onRemoteBalance?: ((message: BalanceChangedMessage) => void) | undefined;
}

/** Both message kinds carry a unique event id. */
const eventIdOf = (detail: unknown): string | undefined => {
  const id = (detail as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' ? id : undefined;
};

/**
 * In memory by default; with Redis, an event published on one replica reaches every replica, and
 * while Redis is away each replica's subscribers still get that replica's own events.
 */
export function createBalancePubSub(redis?: RedisPubSubClients): BalancePubSub {
  if (!redis) {
    // Thousands of subscribers listen on one customer's topic: that is the design, not a leak.
    const target = new EventTarget();
    setMaxListeners(0, target);
    return createPubSub({ eventTarget: target as never });
  }
  return createPubSub({
    eventTarget: createResilientEventTarget({
      publishClient: redis.publish,
      subscribeClient: redis.subscribe,
      idOf: eventIdOf,
      logger: redis.logger,
      onFallback: redis.onFallback,
      onRemoteMessage: (topic, detail) => {
        if (topic.startsWith('balance:')) redis.onRemoteBalance?.(detail as BalanceChangedMessage);
      },
    }) as never,
  });
}
