import type { ProviderName } from '../domain/wallet.js';
import type { LiveServices } from './live.js';
import {
  customerTransactionTopic,
  type TransactionEventMessage,
  walletTransactionTopic,
} from './transaction-event.js';
import type { TransactionTarget } from './transaction-poller.js';

export type TransactionSubscription =
  | { readonly kind: 'wallet'; readonly provider: ProviderName; readonly walletId: string }
  | {
      readonly kind: 'customer';
      readonly externalId: string;
      /** The configured providers with a transaction list. */
      readonly providers: readonly ProviderName[];
    };

/**
 * The event stream of one `walletTransactionCreated` subscription: pubsub messages for the wallet
 * or customer, while the poller watches the histories whose provider sends no webhook. The poll
 * targets and shutdown tracking start at once, the pubsub listener on the first `next()`; ending
 * the stream releases all.
 */
export function transactionEvents(
  live: LiveServices,
  target: TransactionSubscription,
): AsyncIterableIterator<TransactionEventMessage> {
  const polled: TransactionTarget[] =
    target.kind === 'wallet'
      ? [target]
      : target.providers.map((provider) => ({
          kind: 'customer',
          provider,
          externalId: target.externalId,
        }));
  const topic =
    target.kind === 'wallet'
      ? walletTransactionTopic(`${target.provider}:${target.walletId}`)
      : customerTransactionTopic(target.externalId);
  const unwatch = polled.map((t) => live.transactionPoller.watch(t));
  let source: AsyncIterableIterator<TransactionEventMessage> | undefined;
  let ended: Promise<void> | undefined;
  const end = (): Promise<void> =>
    (ended ??= (async () => {
      for (const u of unwatch) u();
      await source?.return?.();
      untrack();
    })());
  const untrack = live.trackStream(() => void end());
  const done = (): IteratorResult<TransactionEventMessage> => ({ done: true, value: undefined });
  const stream: AsyncIterableIterator<TransactionEventMessage> = {
    [Symbol.asyncIterator]: () => stream,
    next: () => {
      if (ended) return Promise.resolve(done());
      source ??= live.pubsub.subscribe(
        'transaction',
        topic,
      ) as AsyncIterableIterator<TransactionEventMessage>;
      return source.next();
    },
    return: async () => {
      await end();
      return done();
    },
    throw: async (e: unknown) => {
      await end();
      throw e;
    },
  };
  return stream;
}
