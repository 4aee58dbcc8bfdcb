import { randomUUID } from 'node:crypto';
import { decimalString, Dec, type Money } from '../domain/money.js';
import { walletKey, type ProviderName, type Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { BalanceHint } from '../providers/webhook.js';
import { customerTopic, walletTopic, type BalanceChangedMessage, type BalanceSource, type MoneyText } from './balance-event.js';
import type { BalancePubSub } from './pubsub.js';
import type { LiveStores } from './stores.js';

/**
 * What a subscriber watches: the wallet's spendable balance, i.e. the ongoing balance where the
 * provider has one (Lago, Flexprice real-time) and the settled balance otherwise (Polar).
 */
export function availableBalance(w: Wallet): Money {
  return w.ongoingBalance ?? w.balance;
}

const toText = (m: Money): MoneyText => ({ amount: decimalString(m.amount), currency: m.currency });
const same = (a: MoneyText, b: MoneyText) => a.currency === b.currency && new Dec(a.amount).eq(b.amount);

/**
 * Turns hints (a webhook said "this wallet may have changed", or a poll is due) into events:
 * re-reads the wallets from the provider, compares each spendable balance with the last one seen
 * (an atomic swap, shared across replicas with Redis) and publishes only real changes.
 */
export class BalanceRefresher {
  constructor(private readonly deps: { registry: ProviderRegistry; stores: LiveStores; pubsub: BalancePubSub; logger: Logger }) {}

  async refresh(hints: readonly BalanceHint[], source: BalanceSource): Promise<BalanceChangedMessage[]> {
    const wallets = await this.fetch(hints);
    const published: BalanceChangedMessage[] = [];
    for (const w of wallets) {
      const message = await this.observe(w, source);
      if (message) published.push(message);
    }
    return published;
  }

  /** Records the current balance of wallets a new subscriber will watch, without publishing. */
  async prime(hints: readonly BalanceHint[]): Promise<void> {
    for (const w of await this.fetch(hints)) await this.deps.stores.swap(walletKey(w), JSON.stringify(toText(availableBalance(w))));
  }

  /** Publishes a change for `w` if its spendable balance differs from the last one seen. */
  async observe(w: Wallet, source: BalanceSource): Promise<BalanceChangedMessage | null> {
    const key = walletKey(w);
    const balance = toText(availableBalance(w));
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
    if (w.customer.externalId) this.deps.pubsub.publish('balance', customerTopic(w.customer.externalId), message);
    this.deps.logger.info({ walletKey: key, source, eventId: message.eventId }, 'balance changed');
    return message;
  }

  private async fetch(hints: readonly BalanceHint[]): Promise<Wallet[]> {
    const byProvider = new Map<ProviderName, { walletIds: Set<string>; customers: Set<string> }>();
    for (const hint of hints) {
      const group = byProvider.get(hint.provider) ?? { walletIds: new Set(), customers: new Set() };
      if (hint.kind === 'wallet') group.walletIds.add(hint.walletId);
      else group.customers.add(hint.externalId);
      byProvider.set(hint.provider, group);
    }
    const batches = await Promise.all([...byProvider].map(async ([name, group]) => {
      const provider = this.deps.registry.get(name);
      if (!provider) return [];
      const [byId, byCustomer] = await Promise.all([
        group.walletIds.size ? provider.walletsByIds([...group.walletIds]) : [],
        group.customers.size ? provider.walletsByCustomers([...group.customers]) : [],
      ]);
      const found: Wallet[] = [];
      for (const r of byId) {
        if (r instanceof GatewayError) this.deps.logger.warn({ provider: name, code: r.code }, 'balance re-read failed');
        else found.push(r);
      }
      for (const r of byCustomer) {
        if (r instanceof GatewayError) this.deps.logger.warn({ provider: name, code: r.code }, 'customer re-read failed');
        else found.push(...r.wallets);
      }
      return found;
    }));
    return batches.flat();
  }
}
