import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { BalanceChangedMessage } from './balance-event.js';
import type { TransactionEventMessage } from './transaction-event.js';

/** Balance changes and wallet transactions, each channel keyed by a wallet or customer topic. */
export type BalancePubSub = PubSub<{
  balance: [topic: string, message: BalanceChangedMessage];
  transaction: [topic: string, message: TransactionEventMessage];
}>;

/** In memory by default; with Redis, an event published on one replica reaches every replica. */
export function createBalancePubSub(redis?: { publish: Redis; subscribe: Redis }): BalancePubSub {
  if (!redis) {
    // Thousands of subscribers listen on one customer's topic: that is the design, not a leak.
    const target = new EventTarget();
    setMaxListeners(0, target);
    return createPubSub({ eventTarget: target as never });
  }
  return createPubSub({
    eventTarget: createRedisEventTarget({
      publishClient: redis.publish,
      subscribeClient: redis.subscribe,
    }),
  });
}
