import type { ProviderName } from '../domain/wallet.js';
import type { BalanceHint } from '../providers/webhook.js';
import { type BalanceChangedMessage, customerTopic, walletTopic } from './balance-event.js';
import type { LiveServices } from './live.js';

export type BalanceTarget =
  | { readonly kind: 'wallet'; readonly provider: ProviderName; readonly walletId: string }
  | {
      readonly kind: 'customer';
      readonly externalId: string;
      readonly providers: readonly ProviderName[];
    };

/** A subscription's event stream, with what a shared SSE fan-out needs to take it over. */
export interface BalanceStream extends AsyncIterableIterator<BalanceChangedMessage> {
  readonly topic: string;
  /** Runs once when the stream ends for any reason (client gone, `return()`, shutdown). */
  onEnd(fn: () => void): void;
}

/**
 * The event stream of one subscription: pubsub messages for the wallet or customer, while the
 * poller watches whatever has no webhook. The poll targets and shutdown tracking start at once;
 * the pubsub listener only on the first `next()`, so a transport that fans one listener out to
 * many streams (useSseFanout) never creates one per subscriber. Ending the stream releases all.
 */
export function balanceChanges(live: LiveServices, target: BalanceTarget): BalanceStream {
  const hints: BalanceHint[] =
    target.kind === 'wallet'
      ? [{ kind: 'wallet', provider: target.provider, walletId: target.walletId }]
      : target.providers.map((provider) => ({
          kind: 'customer',
          provider,
          externalId: target.externalId,
        }));
  const topic =
    target.kind === 'wallet'
      ? walletTopic(`${target.provider}:${target.walletId}`)
      : customerTopic(target.externalId);

  const unwatch = hints.map((h) => live.poller.watch(h));
  const endListeners: (() => void)[] = [];
  let source: AsyncIterableIterator<BalanceChangedMessage> | undefined;
  let ended: Promise<void> | undefined;
  const end = (): Promise<void> =>
    (ended ??= (async () => {
      for (const u of unwatch) u();
      for (const fn of endListeners) fn();
      // Untracked only once the pubsub listener (a Redis UNSUBSCRIBE) is really gone.
      await source?.return?.();
      untrack();
    })());
  const untrack = live.trackStream(() => void end());
  const done = (): IteratorResult<BalanceChangedMessage> => ({ done: true, value: undefined });
  const stream: BalanceStream = {
    topic,
    onEnd: (fn) => void endListeners.push(fn),
    [Symbol.asyncIterator]: () => stream,
    next: () => {
      if (ended) return Promise.resolve(done());
      source ??= live.pubsub.subscribe(
        'balance',
        topic,
      ) as AsyncIterableIterator<BalanceChangedMessage>;
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
