import { randomUUID } from 'node:crypto';
import { handleWhenResult, IterableBackoff, retry } from 'cockatiel';
import { Dec, decimalString, type Money } from '../domain/money.js';
import { type Readable, Unreadable } from '../domain/part.js';
import { type ProviderName, type Wallet, walletKey } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { withFreshReads } from '../providers/resilience/fresh-reads.js';
import type { BalanceHint } from '../providers/webhook.js';
import {
  type BalanceChangedMessage,
  type BalanceSource,
  customerTopic,
  type MoneyText,
  walletTopic,
} from './balance-event.js';
import type { BalancePubSub } from './pubsub.js';
import type { LiveStores } from './stores.js';

/**
 * What a subscriber watches: the wallet's spendable balance, i.e. the ongoing balance where the
 * provider has one (Lago, Flexprice real-time) and the settled balance otherwise (Polar).
 */
export function availableBalance(w: Wallet): Readable<Money> {
  const ongoing = w.ongoingBalance;
  return ongoing instanceof Unreadable ? ongoing : (ongoing ?? w.balance);
}

/** Wallets the live path could not read at all: counted (metrics) and logged with provider and id. */
export type UnreadableWalletListener = (provider: ProviderName) => void;

const toText = (m: Money): MoneyText => ({ amount: decimalString(m.amount), currency: m.currency });
const same = (a: MoneyText, b: MoneyText) =>
  a.currency === b.currency && new Dec(a.amount).eq(b.amount);

/**
 * Turns hints (a webhook said "this wallet may have changed", or a poll is due) into events:
 * re-reads the wallets from the provider, compares each spendable balance with the last one seen
 * (an atomic swap, shared across replicas with Redis) and publishes only real changes.
 */
export class BalanceRefresher {
  constructor(
    private readonly deps: {
      registry: ProviderRegistry;
      stores: LiveStores;
      pubsub: BalancePubSub;
      logger: Logger;
      onUnreadableWallet?: UnreadableWalletListener;
    },
  ) {}

  /** A wallet the provider sent but the gateway could not read: never dropped silently. */
  private unreadable(provider: ProviderName, error: GatewayError, hintedId?: string): void {
    const walletId = error.extensions.walletId ?? hintedId;
    this.deps.logger.warn(
      { provider, walletId, code: error.code },
      'wallet unreadable: its balance changes cannot be followed',
    );
    this.deps.onUnreadableWallet?.(provider);
  }

  /**
   * Re-reads the hinted wallets and publishes their changes. Hints whose re-read fails are tried
   * again after each of `retryDelaysMs` (cockatiel), each attempt re-reading only what the last
   * one could not: a webhook already answered 202 is not sent again, so a provider hiccup must
   * not drop the change.
   */
  async refresh(
    hints: readonly BalanceHint[],
    source: BalanceSource,
    retryDelaysMs: readonly number[] = [],
  ): Promise<BalanceChangedMessage[]> {
    const published: BalanceChangedMessage[] = [];
    let pending = hints;
    const policy = retry(
      handleWhenResult((failed) => (failed as BalanceHint[]).length > 0),
      { maxAttempts: retryDelaysMs.length, backoff: new IterableBackoff([...retryDelaysMs]) },
    );
    const left = await policy.execute(async () => {
      const { wallets, failed } = await this.fetch(pending);
      for (const w of wallets) {
        const message = await this.observe(w, source);
        if (message) published.push(message);
      }
      pending = failed;
      return failed;
    });
    if (left.length > 0)
      this.deps.logger.warn({ hints: left.length, source }, 'balance re-read failed for good');
    return published;
  }

  /** Records the current balance of wallets a new subscriber will watch, without publishing. */
  async prime(hints: readonly BalanceHint[]): Promise<void> {
    const { wallets } = await this.fetch(hints);
    for (const w of wallets) {
      const balance = availableBalance(w);
      if (!(balance instanceof Unreadable))
        await this.deps.stores.swap(walletKey(w), JSON.stringify(toText(balance)));
    }
  }

  /** Publishes a change for `w` if its spendable balance differs from the last one seen. */
  async observe(w: Wallet, source: BalanceSource): Promise<BalanceChangedMessage | null> {
    const key = walletKey(w);
    const spendable = availableBalance(w);
    if (spendable instanceof Unreadable) {
      // The figure a subscriber watches is unreadable: comparing the settled balance instead
      // would publish a change that did not happen.
      this.deps.logger.warn(
        { provider: w.provider, walletId: w.providerWalletId, part: spendable.part },
        'spendable balance unreadable: no event for this read',
      );
      return null;
    }
    const balance = toText(spendable);
    const stored = await this.deps.stores.swap(key, JSON.stringify(balance));
    const previousBalance = stored ? (JSON.parse(stored) as MoneyText) : null;
    if (previousBalance && same(previousBalance, balance)) return null;
    // A poll's first sighting is a baseline, not a change; a webhook's is a change we had no
    // baseline for, so it is published with previousBalance null.
    if (!previousBalance && source === 'POLL') return null;
    const message: BalanceChangedMessage = {
      eventId: randomUUID(),
      walletKey: key,
      provider: w.provider,
      customerExternalId: w.customer.externalId,
      previousBalance,
      balance,
      source,
      occurredAt: new Date().toISOString(),
    };
    this.deps.pubsub.publish('balance', walletTopic(key), message);
    if (w.customer.externalId)
      this.deps.pubsub.publish('balance', customerTopic(w.customer.externalId), message);
    this.deps.logger.info({ walletKey: key, source, eventId: message.eventId }, 'balance changed');
    return message;
  }

  /** Fresh reads only: a request sent before the change may still be in flight (see fresh-reads.ts). */
  private fetch(
    hints: readonly BalanceHint[],
  ): Promise<{ wallets: Wallet[]; failed: BalanceHint[] }> {
    return withFreshReads(async () => {
      const byProvider = new Map<ProviderName, { walletIds: string[]; customers: string[] }>();
      for (const hint of hints) {
        const group = byProvider.get(hint.provider) ?? { walletIds: [], customers: [] };
        if (hint.kind === 'wallet' && !group.walletIds.includes(hint.walletId))
          group.walletIds.push(hint.walletId);
        if (hint.kind === 'customer' && !group.customers.includes(hint.externalId))
          group.customers.push(hint.externalId);
        byProvider.set(hint.provider, group);
      }
      const wallets: Wallet[] = [];
      const failed: BalanceHint[] = [];
      await Promise.all(
        [...byProvider].map(async ([provider, group]) => {
          const adapter = this.deps.registry.get(provider);
          if (!adapter) return;
          const [byId, byCustomer] = await Promise.all([
            group.walletIds.length ? adapter.walletsByIds(group.walletIds) : [],
            group.customers.length ? adapter.walletsByCustomers(group.customers) : [],
          ]);
          byId.forEach((r, i) => {
            if (!(r instanceof GatewayError)) return void wallets.push(r);
            const walletId = group.walletIds[i]!;
            // An unreadable payload will not read better on a retry, nor will a gone wallet.
            if (r.code === 'UPSTREAM_BAD_RESPONSE') return this.unreadable(provider, r, walletId);
            if (r.code !== 'WALLET_NOT_FOUND') failed.push({ kind: 'wallet', provider, walletId });
            this.deps.logger.warn({ provider, walletId, code: r.code }, 'balance re-read failed');
          });
          byCustomer.forEach((r, i) => {
            if (!(r instanceof GatewayError)) {
              for (const e of r.errors) this.unreadable(provider, e);
              return void wallets.push(...r.wallets);
            }
            failed.push({ kind: 'customer', provider, externalId: group.customers[i]! });
            this.deps.logger.warn({ provider, code: r.code }, 'customer re-read failed');
          });
        }),
      );
      return { wallets, failed };
    });
  }
}
