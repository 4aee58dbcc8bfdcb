import { Repeater } from 'graphql-yoga';
import type { ProviderName } from '../domain/wallet.js';
import type { BalanceHint } from '../providers/webhook.js';
import { customerTopic, walletTopic, type BalanceChangedMessage } from './balance-event.js';
import type { LiveServices } from './live.js';

export type BalanceTarget =
  | { readonly kind: 'wallet'; readonly provider: ProviderName; readonly walletId: string }
  | { readonly kind: 'customer'; readonly externalId: string; readonly providers: readonly ProviderName[] };

/**
 * The event stream of one subscription: pubsub messages for the wallet or customer, while the
 * poller watches whatever has no webhook. Ending the subscription (client gone, `return()`)
 * releases the poll targets and the pubsub listener.
 */
export function balanceChanges(live: LiveServices, target: BalanceTarget): Repeater<BalanceChangedMessage> {
  const hints: BalanceHint[] = target.kind === 'wallet'
    ? [{ kind: 'wallet', provider: target.provider, walletId: target.walletId }]
    : target.providers.map((provider) => ({ kind: 'customer', provider, externalId: target.externalId }));
  const topic = target.kind === 'wallet' ? walletTopic(`${target.provider}:${target.walletId}`) : customerTopic(target.externalId);

  return new Repeater(async (push, stop) => {
    const source = live.pubsub.subscribe('balance', topic);
    const unwatch = hints.map((h) => live.poller.watch(h));
    const untrack = live.trackStream(() => stop());
    void stop.then(async () => {
      for (const u of unwatch) u();
      // Untracked only once the pubsub listener (a Redis UNSUBSCRIBE) is really gone.
      await source.return();
      untrack();
    });
    for await (const message of source) await push(message);
    stop();
  });
}
