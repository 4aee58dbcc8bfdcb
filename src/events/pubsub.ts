import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { BalanceChangedMessage } from './balance-event.js';

export type BalancePubSub = PubSub<{ balance: [topic: string, message: BalanceChangedMessage] }>;

/** In memory by default; with Redis, an event published on one replica reaches every replica. */
export function createBalancePubSub(redis?: { publish: Redis; subscribe: Redis }): BalancePubSub {
  if (!redis) return createPubSub();
  return createPubSub({ eventTarget: createRedisEventTarget({ publishClient: redis.publish, subscribeClient: redis.subscribe }) });
}
