import { setMaxListeners } from 'node:events';
import type { Redis } from 'ioredis';
import { boundedCache } from '../bounded-cache.js';
import type { Logger } from '../logger.js';

export interface ResilientEventTargetOptions {
  readonly publishClient: Redis;
  readonly subscribeClient: Redis;
  /** The id every message carries: a message this replica published is known by it. */
  readonly idOf: (detail: unknown) => string | undefined;
  readonly logger: Logger;
  readonly onFallback?: ((operation: 'publish' | 'subscribe') => void) | undefined;
  /** Each message another replica published, as it is delivered here. */
  readonly onRemoteMessage?: ((topic: string, detail: unknown) => void) | undefined;
}

// A message of ours comes back from Redis within moments; these bound the ids kept until then.
const OWN_MESSAGES = 10_000;
const OWN_MESSAGE_TTL_MS = 60_000;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A pubsub event target over Redis that keeps working without it. Every event is delivered to
 * this replica's listeners at once, in process, and published to Redis for the others; a message
 * coming back from Redis that this replica published (same topic and id) is skipped, so a
 * listener gets each event once whether Redis is up or down. Redis commands are sent only on a
 * ready connection and never left to reject unhandled; the channels are subscribed again on each
 * reconnect. While Redis is away, listeners receive this replica's own events only.
 */
export function createResilientEventTarget(options: ResilientEventTargetOptions): EventTarget {
  const { publishClient, subscribeClient, idOf, logger, onFallback, onRemoteMessage } = options;
  const local = new EventTarget();
  // Thousands of subscribers listen on one customer's topic: that is the design, not a leak.
  setMaxListeners(0, local);
  const listeners = new Map<string, number>();
  const own = boundedCache<true>({ max: OWN_MESSAGES, ttlMs: OWN_MESSAGE_TTL_MS, clock: Date.now });
  const ownKey = (topic: string, id: string) => `${topic}\n${id}`;

  // Parsed from the same text everywhere: a local listener sees what a remote one does.
  const parse = (text: string): unknown => (text === '' ? null : JSON.parse(text));
  const deliver = (topic: string, detail: unknown) =>
    local.dispatchEvent(new CustomEvent(topic, { detail }));

  subscribeClient.on('message', (topic: string, text: string) => {
    if (!listeners.has(topic)) return;
    try {
      const detail = parse(text);
      const id = idOf(detail);
      if (id !== undefined && own.has(ownKey(topic, id))) return;
      onRemoteMessage?.(topic, detail);
      deliver(topic, detail);
    } catch (e) {
      logger.warn({ topic, err: errorText(e) }, 'unreadable pubsub message dropped');
    }
  });
  // Resubscribed here, not by ioredis, so a SUBSCRIBE is never queued ahead of the ready check.
  subscribeClient.on('ready', () => {
    if (listeners.size > 0)
      command('subscribe', () => subscribeClient.subscribe(...listeners.keys()));
  });

  function command(operation: 'publish' | 'subscribe', run: () => Promise<unknown>): void {
    const client = operation === 'publish' ? publishClient : subscribeClient;
    if (client.status !== 'ready') {
      onFallback?.(operation);
      return;
    }
    run().catch((e: unknown) => {
      onFallback?.(operation);
      logger.warn({ operation, err: errorText(e) }, 'redis pubsub command failed');
    });
  }

  return {
    addEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      if (!listener) return;
      local.addEventListener(topic, listener);
      const count = listeners.get(topic) ?? 0;
      listeners.set(topic, count + 1);
      if (count === 0) command('subscribe', () => subscribeClient.subscribe(topic));
    },
    removeEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      if (!listener) return;
      local.removeEventListener(topic, listener);
      const count = listeners.get(topic);
      if (count === undefined) return;
      if (count > 1) return void listeners.set(topic, count - 1);
      listeners.delete(topic);
      command('subscribe', () => subscribeClient.unsubscribe(topic));
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent).detail;
      const text = detail === undefined || detail === null ? '' : JSON.stringify(detail);
      const id = idOf(detail);
      // Without an id its echo cannot be told apart: such an event goes through Redis alone.
      if (id === undefined && publishClient.status === 'ready') {
        command('publish', () => publishClient.publish(event.type, text));
        return true;
      }
      if (id !== undefined) own.set(ownKey(event.type, id), true);
      deliver(event.type, parse(text));
      command('publish', () => publishClient.publish(event.type, text));
      return true;
    },
  };
}
