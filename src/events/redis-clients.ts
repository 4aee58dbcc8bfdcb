import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

// Reconnect for as long as the process runs, backing off to one attempt every two seconds.
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 2000);
// A Redis that accepts connections but does not answer must not hold a request or webhook.
const COMMAND_TIMEOUT_MS = 2000;

/**
 * A Redis connection that never makes the gateway wait for, or fail with, Redis: a command sent
 * while the connection is down fails at once (no offline queue) and its caller answers from this
 * replica's memory; the connection keeps reconnecting; errors are logged once per outage.
 */
export function createRedisClient(
  url: string,
  role: 'commands' | 'subscriber',
  logger: Logger,
): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy,
    // The subscriber's channels are subscribed again by the event target on each 'ready'.
    autoResubscribe: false,
    ...(role === 'commands' && { commandTimeout: COMMAND_TIMEOUT_MS }),
  });
  let down = false;
  redis.on('error', (e: Error) => {
    if (down) return logger.debug({ role, err: e.message }, 'redis still unavailable');
    down = true;
    logger.warn({ role, err: e.message }, 'redis unavailable: serving from this replica');
  });
  redis.on('ready', () => {
    if (down) logger.info({ role }, 'redis reconnected');
    down = false;
  });
  return redis;
}
