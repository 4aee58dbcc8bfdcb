import type { ProviderName } from '../domain/wallet.js';
import type { BalanceSource } from './balance-event.js';

/**
 * A wallet transaction as it travels through pubsub (and Redis between replicas): plain JSON.
 * The transaction object is the provider's own, as received (a webhook's, or a polled list's);
 * each replica reads it with its provider's adapter, once per event, when a subscriber asks.
 */
export interface TransactionEventMessage {
  readonly eventId: string;
  readonly provider: ProviderName;
  readonly walletKey: string;
  readonly customerExternalId: string | null;
  readonly change: 'CREATED' | 'UPDATED';
  readonly source: BalanceSource;
  readonly occurredAt: string;
  /** The provider's transaction object, as received. */
  readonly raw: unknown;
}

export const walletTransactionTopic = (walletKey: string) => `wallet:${walletKey}`;
export const customerTransactionTopic = (externalId: string) => `customer:${externalId}`;
