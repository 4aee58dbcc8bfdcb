import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WalletTransaction } from '../domain/transaction.js';
import { type ProviderName, type Wallet, walletKey } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Result } from '../providers/provider.js';
import { field } from '../providers/read.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { withFreshReads } from '../providers/resilience/fresh-reads.js';
import type { TransactionHint } from '../providers/webhook.js';
import type { BalanceSource } from './balance-event.js';
import type { BalancePubSub } from './pubsub.js';
import {
  customerTransactionTopic,
  type TransactionEventMessage,
  walletTransactionTopic,
} from './transaction-event.js';

/**
 * Publishes wallet transactions to `walletTransactionCreated` subscribers: one event per
 * transaction a verified webhook announces (the route has already dropped duplicates), or per new
 * or changed transaction a poll finds. The wallet is read first, to route the event to its owner
 * too (and to know it exists); the transaction travels as the provider's own object.
 */
export class TransactionEvents {
  constructor(
    private readonly deps: {
      registry: ProviderRegistry;
      pubsub: BalancePubSub;
      logger: Logger;
    },
  ) {}

  /**
   * A webhook's transactions. A wallet re-read that fails is tried again after each of
   * `retryDelaysMs` (the delivery was acknowledged: it will not come again); when it never
   * answers, the event still goes to the wallet's subscribers, and to its customer's where the
   * payload names one.
   */
  async fromWebhook(
    hints: readonly TransactionHint[],
    retryDelaysMs: readonly number[] = [],
  ): Promise<TransactionEventMessage[]> {
    const published: TransactionEventMessage[] = [];
    for (const hint of hints) {
      const wallet = await this.readWallet(hint.provider, hint.walletId, retryDelaysMs);
      const owner =
        wallet instanceof GatewayError ? payloadOwner(hint.raw) : wallet.customer.externalId;
      if (wallet instanceof GatewayError && wallet.code === 'WALLET_NOT_FOUND') {
        this.deps.logger.warn(
          { provider: hint.provider, walletId: hint.walletId },
          'transaction webhook names a wallet the provider does not know: no event',
        );
        continue;
      }
      published.push(
        this.publish({
          provider: hint.provider,
          walletKey: walletKey({ provider: hint.provider, providerWalletId: hint.walletId }),
          customerExternalId: owner,
          change: hint.change,
          source: 'WEBHOOK',
          raw: hint.raw,
        }),
      );
    }
    return published;
  }

  /** A polled transaction, new or changed since the last poll. */
  fromPoll(
    transaction: WalletTransaction,
    change: 'CREATED' | 'UPDATED',
    owner: string | null,
  ): TransactionEventMessage {
    return this.publish({
      provider: transaction.provider,
      walletKey: walletKey(transaction),
      customerExternalId: owner,
      change,
      source: 'POLL',
      raw: transaction.raw,
    });
  }

  private publish(
    m: Omit<TransactionEventMessage, 'eventId' | 'occurredAt'> & { source: BalanceSource },
  ): TransactionEventMessage {
    const message: TransactionEventMessage = {
      ...m,
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
    };
    this.deps.pubsub.publish('transaction', walletTransactionTopic(m.walletKey), message);
    if (m.customerExternalId)
      this.deps.pubsub.publish(
        'transaction',
        customerTransactionTopic(m.customerExternalId),
        message,
      );
    this.deps.logger.info(
      { walletKey: m.walletKey, source: m.source, change: m.change, eventId: message.eventId },
      'wallet transaction event',
    );
    return message;
  }

  private async readWallet(
    provider: ProviderName,
    walletId: string,
    retryDelaysMs: readonly number[],
  ): Promise<Result<Wallet>> {
    const adapter = this.deps.registry.get(provider);
    if (!adapter)
      return new GatewayError('PROVIDER_NOT_CONFIGURED', `${provider} is not configured`, {
        provider,
      });
    let result: Result<Wallet> | undefined;
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(retryDelaysMs[attempt - 1]!, undefined, { ref: false });
      // Fresh: a read sent before the transaction may still be in flight.
      [result] = await withFreshReads(() => adapter.walletsByIds([walletId]));
      if (
        !(result instanceof GatewayError) ||
        result.code === 'WALLET_NOT_FOUND' ||
        result.code === 'UPSTREAM_BAD_RESPONSE'
      )
        break;
    }
    return result!;
  }
}

/** The customer a payload names for its wallet, where it nests one (Lago's does, NOTES §5). */
function payloadOwner(raw: unknown): string | null {
  const id = field(field(raw, 'wallet'), 'external_customer_id');
  return typeof id === 'string' && id ? id : null;
}
