import { AsyncLocalStorage } from 'node:async_hooks';

const fresh = new AsyncLocalStorage<true>();

/**
 * Runs `fn` so that its upstream reads never ride on an identical request already in flight.
 * A re-read after a webhook must see the provider's state after the change; a request that was
 * sent before the webhook arrived may answer with the state before it.
 */
export function withFreshReads<T>(fn: () => Promise<T>): Promise<T> {
  return fresh.run(true, fn);
}

export function freshReadsRequired(): boolean {
  return fresh.getStore() === true;
}
